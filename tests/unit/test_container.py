"""The production image and compose file, read without a Docker engine: dependencies only from the
hash-pinned lock files, a fixed non-root user, a read-only root filesystem, no privileges gained.

NETZWERK_CHECK_LOCK_ONLINE=1 also lets pip resolve the lock files against PyPI (a dry run that
downloads every wheel once: ~100 MB, so not on every run)."""
import os
import re
import shlex
import subprocess
import sys
import tomllib
from importlib import metadata

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from netzwerk.config import PROJECT_ROOT

LOCKS = [PROJECT_ROOT / "requirements" / "build.lock", PROJECT_ROOT / "requirements" / "production.lock"]
APP_SERVICES = ("app", "retention", "backup")


def dockerfile_instructions():
    """(INSTRUCTION, arguments) per instruction, continuation lines joined, comments dropped."""
    text = (PROJECT_ROOT / "Dockerfile").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    joined = re.sub(r"\\\n", " ", "\n".join(lines))
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line.strip() else "")
            for line in joined.splitlines() if line.strip()]


def pip_installs(instructions):
    commands = []
    for kind, args in instructions:
        if kind == "RUN":
            for part in re.split(r"&&|;", args):
                words = shlex.split(part)
                if words[:2] == ["pip", "install"]:
                    commands.append(words)
    return commands


def locked(path):
    """{name: (version, hashes)} of a pip-compile lock file."""
    pins = {}
    text = re.sub(r"\\\n", " ", path.read_text(encoding="utf-8"))
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        requirement, *options = line.split(" --hash=")
        name, _, version = requirement.strip().partition("==")
        pins[canonicalize_name(name)] = (version, [o.strip() for o in options])
    return pins


def all_pins():
    pins = {}
    for path in LOCKS:
        pins.update(locked(path))
    return pins


def test_dependencies_come_only_from_the_hash_pinned_lock_files():
    installs = pip_installs(dockerfile_instructions())
    assert installs, "the Dockerfile installs nothing with pip"
    from_locks = [words for words in installs if "-r" in words]
    assert from_locks and all("--require-hashes" in words and "--no-deps" in words for words in from_locks)
    assert {words[words.index("-r", i) + 1] for words in from_locks for i, w in enumerate(words) if w == "-r"} \
        == {"requirements/build.lock", "requirements/production.lock"}
    # netzwerk itself: no dependency resolved, no build tools fetched past the lock
    for words in installs:
        if "-r" not in words:
            assert "--no-deps" in words and "--no-build-isolation" in words, words


def test_every_locked_requirement_is_pinned_with_hashes():
    for path in LOCKS:
        pins = locked(path)
        assert pins, path
        for name, (version, hashes) in pins.items():
            assert re.fullmatch(r"[0-9][0-9A-Za-z.+!-]*", version), f"{path.name}: {name} is not pinned (==)"
            assert hashes and all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes), \
                f"{path.name}: {name} has no sha256 hash"


def test_lock_covers_every_runtime_dependency_and_what_they_need():
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = all_pins()
    wanted = [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["production"]]
    build = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]
    wanted += [Requirement(r) for r in build["requires"]]
    for requirement in wanted:
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement} is missing from the lock files (make lock)"
        assert requirement.specifier.contains(pins[name][0], prereleases=True), \
            f"the lock pins {name}=={pins[name][0]}, pyproject.toml asks {requirement} (make lock)"
    # installed with --no-deps: the lock must hold what each locked package itself requires
    for name in pins:
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue  # not in this environment (e.g. a build tool): its own lock resolved it
        for text in requires:
            requirement = Requirement(text)
            if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
                continue
            assert canonicalize_name(requirement.name) in pins, f"{name} needs {requirement.name}, not in the lock"


def image_user():
    instructions = dockerfile_instructions()
    users = [args.strip() for kind, args in instructions if kind == "USER"]
    assert users, "the image has no USER"
    uid, _, gid = users[-1].partition(":")
    assert uid.isdigit() and int(uid) >= 1000 and (not gid or gid.isdigit()), users[-1]
    run = " ".join(args for kind, args in instructions if kind == "RUN")
    assert f"--uid {uid}" in run
    # nothing runs as root after the switch
    last_user = max(i for i, (kind, _) in enumerate(instructions) if kind == "USER")
    assert not [kind for kind, _ in instructions[last_user:] if kind in ("RUN", "COPY", "ADD")]
    return uid, gid


def test_image_runs_as_a_fixed_non_root_user():
    assert image_user()[0] == "10001"


def test_compose_services_are_hardened():
    uid, gid = image_user()
    services = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text(encoding="utf-8"))["services"]
    for name in APP_SERVICES:
        service = services[name]
        assert service.get("user") == f"{uid}:{gid or uid}", name
        assert service.get("read_only") is True, name
        assert "/tmp" in [entry.split(":")[0] for entry in service.get("tmpfs", [])], name
        assert "no-new-privileges:true" in service.get("security_opt", []), name
        assert service.get("cap_drop") == ["ALL"] and not service.get("cap_add"), name
        assert not service.get("privileged"), name
    # the one place the app writes is a volume, not the image
    assert "app-data:/data" in services["app"]["volumes"]
    assert "backups:/backups" in services["backup"]["volumes"]
    assert "no-new-privileges:true" in services["neo4j"].get("security_opt", [])
    assert "netzwerk backup" in " ".join(services["backup"]["entrypoint"])


@pytest.mark.skipif(os.environ.get("NETZWERK_CHECK_LOCK_ONLINE") != "1",
                    reason="NETZWERK_CHECK_LOCK_ONLINE=1 lässt pip die Lock-Dateien gegen PyPI auflösen (lädt ~100 MB)")
def test_pip_resolves_the_lock_files(tmp_path):
    args = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--require-hashes",
            "--no-deps", "--cache-dir", str(tmp_path / "cache")]
    for path in LOCKS:
        args += ["-r", str(path)]
    result = subprocess.run(args, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-2000:]
