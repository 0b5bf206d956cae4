"""The `netzwerk` command against a real store (the session's database, on each backend)."""
import pytest
from click.testing import CliRunner

from netzwerk.cli import main


@pytest.fixture
def cli_env(store, database, tmp_path):
    return {**database.environment(store), "NETZWERK_DATA_DIR": str(tmp_path)}


def run(env, *args, input=None):
    return CliRunner().invoke(main, list(args), env=env, input=input, catch_exceptions=False)


def test_create_user_then_log_in(cli_env, accounts):
    result = run(cli_env, "create-user", "--email", "Neu@Example.org", "--name", "Neue Koordination",
                 "--role", "coordinator", input="ein-gutes-passwort\nein-gutes-passwort\n")
    assert result.exit_code == 0, result.output
    assert "angelegt" in result.output
    user, _ = accounts.authenticate("neu@example.org", "ein-gutes-passwort", "127.0.0.1")
    assert user.role == "coordinator" and user.name == "Neue Koordination"


def test_create_user_refuses_duplicates_and_short_passwords(cli_env):
    args = ("create-user", "--email", "a@example.org", "--name", "A", "--role", "member")
    assert run(cli_env, *args, "--password", "lang-genug-passwort").exit_code == 0
    again = run(cli_env, *args, "--password", "lang-genug-passwort")
    assert again.exit_code == 1 and "bereits einen Zugang" in again.output
    short = run(cli_env, "create-user", "--email", "b@example.org", "--name", "B", "--role", "member",
                "--password", "kurz")
    assert short.exit_code == 1 and "mindestens 12 Zeichen" in short.output


def test_seed_command_is_idempotent(cli_env, store):
    assert run(cli_env, "seed").exit_code == 0
    first = store.read("graph/count_nodes_by_label")
    assert run(cli_env, "seed").exit_code == 0
    assert store.read("graph/count_nodes_by_label") == first


def test_unsupported_database_url_is_explained(cli_env):
    result = run({**cli_env, "NETZWERK_DATABASE_URL": "postgres://x"}, "seed")
    assert result.exit_code == 1 and "wird nicht unterstützt" in result.output


def test_neo4j_url_without_password_is_explained(cli_env):
    result = run({**cli_env, "NETZWERK_DATABASE_URL": "bolt://localhost:7687", "NETZWERK_NEO4J_PASSWORD": ""},
                 "seed")
    assert result.exit_code == 1 and "NETZWERK_NEO4J_PASSWORD" in result.output
