"""A production start refuses without a secret key or with demo credentials."""
import pytest

from netzwerk import ConfigurationError, create_app
from netzwerk.config import TestConfig


def production_config(tmp_path, secret="s" * 64):
    config = TestConfig(tmp_path)
    config.ENV = "production"
    config.SECRET_KEY = secret
    return config


def test_production_without_secret_key_refuses(tmp_path, store):
    with pytest.raises(ConfigurationError, match="NETZWERK_SECRET_KEY fehlt"):
        create_app(production_config(tmp_path, secret=None), store=store)
    assert not (tmp_path / "secret_key").exists(), "production never generates a key"


def test_production_with_demo_accounts_refuses(tmp_path, store, accounts):
    accounts.ensure_demo_users()
    with pytest.raises(ConfigurationError, match="Demo-Zugänge"):
        create_app(production_config(tmp_path), store=store)


def test_production_starts_once_demo_accounts_are_deactivated(tmp_path, store, accounts):
    for email, _ in accounts.ensure_demo_users():
        accounts.set_active(email, False)
    app = create_app(production_config(tmp_path), store=store)
    assert app.test_client().get("/healthz").status_code == 200


def test_development_keeps_a_generated_key_in_the_data_directory(tmp_path, store):
    config = TestConfig(tmp_path)
    config.SECRET_KEY = None
    first = create_app(config, store=store).config["SECRET_KEY"]
    second = create_app(config, store=store).config["SECRET_KEY"]
    assert first == second and len(first) == 64
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_demo_users_are_created_once_and_keep_changed_passwords(accounts):
    accounts.ensure_demo_users()
    user, _ = accounts.authenticate("admin@netzwerk.demo", "netzwerk-demo-2016", "127.0.0.1")
    accounts.change_password(user, "netzwerk-demo-2016", "ein-neues-admin-passwort")
    accounts.ensure_demo_users()
    assert accounts.authenticate("admin@netzwerk.demo", "ein-neues-admin-passwort", "127.0.0.1")[0]
    assert [r["email"] for r in accounts.demo_users()] == [
        "koordination@netzwerk.demo", "mitglied@netzwerk.demo", "veranstaltung@netzwerk.demo"]
