"""The `netzwerk` command: run the app, load the demo data, create users, recompute the analysis."""
import signal
import sys
import time

import click

from .clock import now_iso
from .config import Config
from .i18n import gettext
from .store import StoreError


def _app(config=None):
    from . import ConfigurationError, create_app
    try:
        return create_app(config or Config())
    except (ConfigurationError, StoreError) as exc:
        raise click.ClickException(str(exc)) from exc


def _store(app):
    return app.extensions["netzwerk.store"]


def _load_demo(app, echo):
    from .home.service import overview
    from .seeding import load_seed
    store = _store(app)
    if overview(store)["actors"]:
        echo("Demodaten: die Datenbank enthält schon Akteure, es wird nichts geladen.")
        return
    echo("Demodaten werden geladen …")
    started = time.monotonic()
    statements = load_seed(store, app.config["SEED_DIR"], now_iso())
    echo(f"Demodaten geladen ({statements} Anweisungen, {time.monotonic() - started:.1f} s).")


@click.group(help="netzwerk – lokale Integrationsnetzwerke als ein Graph.")
def main():
    pass


@main.command(help="Startet die App (und die eingebettete Datenbank) auf http://127.0.0.1:5000.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--demo", is_flag=True, help="Demodaten laden, wenn die Datenbank leer ist, und Demo-Zugänge anlegen.")
def run(host, port, demo):
    from werkzeug.serving import run_simple

    from .auth.roles import ROLES
    from .auth.service import DEMO_PASSWORD

    # SIGTERM ends the app like Ctrl-C does, so the database is stopped in order
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    config = Config()
    click.echo(f"Datenbank: {config.DATABASE_URL} (Daten in {config.DATA_DIR})")
    app = _app(config)
    store = _store(app)
    # what the embedded database's start found (a trimmed append-only file): said, not buried
    for notice in getattr(getattr(store, "server", None), "notices", None) or ():
        click.echo(f"\nACHTUNG: {notice}\nPrüfen: netzwerk repair --check (Sicherung und Reparatur: netzwerk repair).\n",
                   err=True)
    try:
        if demo:
            _load_demo(app, click.echo)
            accounts = app.extensions["netzwerk.accounts"].ensure_demo_users()
            click.echo("\nAnmelden unter http://%s:%d/anmelden mit einem der Demo-Zugänge "
                       "(Passwort jeweils: %s):" % (host, port, DEMO_PASSWORD))
            for email, role in accounts:
                click.echo(f"  {email:32} Rolle: {ROLES[role]}")
        _start_mail_sender(app, store)
        click.echo(f"\nnetzwerk läuft auf http://{host}:{port}/ – beenden mit Strg+C.\n")
        run_simple(host, port, app, threaded=True, use_reloader=False, use_debugger=False)
    finally:
        click.echo("netzwerk wird beendet; die Datenbank wird gestoppt.")
        store.close()


def _start_mail_sender(app, store):
    """With NETZWERK_SMTP_HOST set, `run` delivers the outbox in a background thread."""
    import threading

    from .mail import Outbox, SmtpSettings
    settings = SmtpSettings.from_config(app.config)
    if settings is None:
        click.echo("E-Mail: kein NETZWERK_SMTP_HOST – Nachrichten bleiben im Postausgang (in der App lesbar).")
        return
    click.echo(f"E-Mail: der Postausgang wird über {settings.host}:{settings.port} versandt.")
    threading.Thread(target=Outbox(store).run, args=(settings,), kwargs={"interval": 5.0},
                     daemon=True, name="netzwerk-mail").start()


@main.command(help="Lädt die Demodaten (idempotent: zweimal laden ändert nichts).")
def seed():
    from .seeding import load_seed
    app = _app()
    store = _store(app)
    try:
        click.echo("Demodaten werden geladen …")
        statements = load_seed(store, app.config["SEED_DIR"], now_iso())
        click.echo(f"Fertig: {statements} Anweisungen angewandt.")
    finally:
        store.close()


@main.command("create-user", help="Legt einen Zugang an; das Passwort wird abgefragt.")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", required=True, type=click.Choice(["admin", "coordinator", "organiser", "member"]))
@click.option("--password", envvar="NETZWERK_NEW_PASSWORD", default=None,
              help="Sonst interaktiv abgefragt (oder aus NETZWERK_NEW_PASSWORD).")
def create_user(email, name, role, password):
    from .store import ConstraintViolation
    if password is None:
        password = click.prompt("Passwort (mindestens 12 Zeichen)", hide_input=True,
                                confirmation_prompt="Passwort wiederholen")
    app = _app()
    store = _store(app)
    try:
        uid = app.extensions["netzwerk.accounts"].create_user(email, name, role, password)
        click.echo(f"Zugang {email} ({role}) angelegt, uid {uid}.")
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    except ConstraintViolation as exc:
        raise click.ClickException(gettext("Es gibt bereits einen Zugang mit der E-Mail {email}.",
                                           email=email)) from exc
    finally:
        store.close()


@main.command("send-mail", help="Verschickt die fälligen Nachrichten des Postausgangs über SMTP "
                                 "(NETZWERK_SMTP_HOST/PORT/USER/PASSWORD/FROM/STARTTLS).")
@click.option("--loop", is_flag=True, help="Dauerhaft laufen und alle --interval Sekunden senden.")
@click.option("--interval", default=5.0, show_default=True, type=float)
def send_mail(loop, interval):
    from .mail import Outbox, SmtpSettings
    config = Config()
    settings = SmtpSettings.from_config(config)
    if settings is None:
        raise click.ClickException(
            "NETZWERK_SMTP_HOST fehlt: ohne E-Mail-Server bleiben die Nachrichten im Postausgang; "
            "die Organisation liest sie in der App (Anmeldungen › Postausgang).")
    app = _app(config)
    store = _store(app)
    outbox = Outbox(store)
    try:
        if loop:
            signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
            click.echo(f"Postausgang: sende über {settings.host}:{settings.port} alle {interval:g} s (Strg+C beendet).")
            outbox.run(settings, interval=interval, echo=click.echo)
        else:
            result = outbox.deliver(settings)
            click.echo(f"{result['sent']} gesendet, {result['failed']} fehlgeschlagen "
                       "(bleiben im Postausgang und werden später erneut versucht).")
    except KeyboardInterrupt:
        pass
    finally:
        store.close()


@main.command(help="Wendet die Aufbewahrungsfristen an, Art für Art (netzwerk/retention.py): Teilnehmendendaten "
                   "(je Veranstaltung, Voreinstellung 90 Tage nach dem Ende; anonymisiert, die Zahlen bleiben), "
                   "Änderungsverlauf, Anmeldeversuche, geprüfte Importdateien, gesendete Nachrichten, "
                   "Zugriffsprotokoll. Fristen aus NETZWERK_RETENTION_<ART>_DAYS. Ohne --apply nur eine Vorschau.")
@click.option("--apply", "apply_", is_flag=True, help="Wirklich löschen bzw. anonymisieren (sonst nur anzeigen, was fällig ist).")
def retention(apply_):
    from .retention import periods, run
    try:
        days = periods()
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    app = _app()
    store = _store(app)
    try:
        report = run(store, app.config["DATA_DIR"], apply=apply_, days=days,
                     login_window_seconds=app.config["LOGIN_WINDOW_SECONDS"],
                     registration_window_seconds=app.config["REGISTRATION_WINDOW_SECONDS"])
        for item in report:
            if item["key"] == "participants":
                _echo_participants(item["events"], apply_)
                continue
            verb = "gelöscht" if apply_ else "fällig"
            click.echo(f"{item['label']} (Frist {item['days']} Tage): {item['count']} {item['unit']} {verb}.")
        total = sum(item["count"] for item in report)
        click.echo(("Aufbewahrung angewandt: " if apply_ else "Aufbewahrung, Vorschau: ")
                   + ", ".join(f"{item['key']}={item['count']}" for item in report)
                   + ("" if apply_ or not total else ". Mit --apply wird gelöscht bzw. anonymisiert."))
    finally:
        store.close()


def _echo_participants(due, apply_):
    if not due:
        click.echo("Aufbewahrung: nichts fällig, keine Teilnehmendendaten über der Frist.")
        return
    for item in due:
        verb = "anonymisiert" if apply_ else "würden anonymisiert"
        click.echo(f"„{item['name']}“ (Ende {item['ended']:%d.%m.%Y}, Frist {item['days']} Tage, fällig seit "
                   f"{item['due_since']:%d.%m.%Y}): {item['registrations']} Anmeldungen {verb} "
                   f"(bestätigt {item['confirmed']}, Warteliste {item['waitlisted']}, "
                   f"abgemeldet {item['cancelled']}); die Zahlen bleiben.")
    total = sum(item["registrations"] for item in due)
    if apply_:
        click.echo(f"Fertig: {total} Anmeldungen in {len(due)} Veranstaltungen anonymisiert.")
    else:
        click.echo(f"Vorschau: {total} Anmeldungen in {len(due)} Veranstaltungen. "
                   "Mit --apply wird anonymisiert.")


@main.command(help="Berechnet die Netzwerkanalyse (/netzwerk/analyse) außerhalb der Web-Anfragen neu, "
                   "für das ganze Netzwerk und jede Stadt, in beiden Sichten (mit und ohne Bekanntschaften); "
                   "die App zeigt das Ergebnis, bis sich das Netzwerk ändert. Für große Netzwerke, z. B. nachts.")
@click.option("--area", "areas", multiple=True, help="Nur diese Gebiete (uid); mehrfach möglich. Leer: ganzes Netzwerk und Städte.")
def analyse(areas):
    from .insight.service import FULL, PUBLIC
    app = _app()
    store = _store(app)
    insight = app.extensions["netzwerk.insight"]
    try:
        chosen = list(areas) or [""] + [row["uid"] for row in insight.areas() if row["type"] == "city"]
        for area in chosen:
            for visibility in (FULL, PUBLIC):
                started = time.monotonic()
                answer = insight.analysis(visibility, area, wait=True)
                size = answer["data"]["size"]
                click.echo(f"{area or 'ganzes Netzwerk'} [{visibility}]: {size['nodes']} Knoten, {size['edges']} "
                           f"Verbindungen, {time.monotonic() - started:.1f} s")
    finally:
        store.close()


def _long_statements(config):
    """Backup and restore run outside web requests: a page of a large graph, or FalkorDB taking
    labels off thousands of restored nodes, may take longer than a web request's time limit."""
    config.QUERY_TIMEOUT_SECONDS = max(config.QUERY_TIMEOUT_SECONDS, 600.0)
    return config


@main.command(help="Sichert den ganzen Graphen (alle Knoten und Verbindungen, auch Zugänge, Anmeldungen, "
                   "Postausgang, Änderungen) in eine Datei netzwerk-<Zeit>.jsonl.gz (nur für den Eigentümer "
                   "lesbar) mit SHA-256-Prüfsumme daneben; ein konsistenter Stand (docs/operations.md).")
@click.option("--dir", "directory", type=click.Path(file_okay=False), default=None,
              help="Verzeichnis der Sicherungen (Voreinstellung: <NETZWERK_DATA_DIR>/backups).")
@click.option("--output", type=click.Path(dir_okay=False), default=None, help="Genau diese Datei schreiben.")
@click.option("--keep", type=int, default=0, help="Danach nur die N neuesten Sicherungen im Verzeichnis behalten.")
def backup(directory, output, keep):
    from pathlib import Path

    from .backup.service import SUFFIX, BackupError, GraphChanged, prune_backups, write_backup
    from .migrations import DATA_VERSION
    config = _long_statements(Config())
    target_dir = Path(directory) if directory else Path(config.DATA_DIR) / "backups"
    if output:
        path = Path(output)
    else:
        target_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = target_dir / f"netzwerk-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}{SUFFIX}"
    app = _app(config)
    store = _store(app)
    started = time.monotonic()
    try:
        for attempt in range(3):
            try:
                header = write_backup(store, path, DATA_VERSION, progress=lambda text: click.echo(text, err=True))
                break
            except GraphChanged as exc:  # written meanwhile (Neo4j reads committed writes): again
                if attempt == 2:
                    raise
                click.echo(f"{exc} Neuer Versuch …", err=True)
    except (BackupError, StoreError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    click.echo(f"Sicherung {path}: {header['nodes']} Knoten, {header['relationships']} Verbindungen, "
               f"Datenstand {header['data_version']}, {time.monotonic() - started:.1f} s; "
               f"SHA-256 {header['sha256']} in {path}.sha256.")
    if keep and not output:
        for old in prune_backups(target_dir, keep):
            click.echo(f"Alte Sicherung gelöscht: {old}")


@main.command(help="Stellt eine Sicherung (netzwerk backup) in eine LEERE Instanz wieder her: prüft zuerst "
                   "Prüfsumme, Format und Vollständigkeit und schreibt bei einem Fehler nichts.")
@click.argument("file", type=click.Path(dir_okay=False))
def restore(file):
    from .backup.service import BackupError, restore_backup
    from .migrations import DATA_VERSION, migrate
    app = _app(_long_statements(Config()))
    store = _store(app)
    started = time.monotonic()
    try:
        made = restore_backup(store, file, DATA_VERSION, progress=lambda text: click.echo(text, err=True))
        store.apply_schema()
        migrate(store, echo=click.echo)
    except (BackupError, StoreError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    header = made["header"]
    click.echo(f"Wiederhergestellt aus {file} (vom {header['created_at']}, {header['backend']}, "
               f"netzwerk {header['app_version']}): {made['nodes']} Knoten, {made['relationships']} "
               f"Verbindungen, {time.monotonic() - started:.1f} s.")


@main.command(help="Prüft die Append-only-Dateien der eingebetteten Datenbank (redis-check-aof) und repariert "
                   "eine beschädigte: zuerst werden alle Append-only-Dateien nach aof-backups/<Zeit>/ im "
                   "Datenverzeichnis gesichert, dann wird die Datei an der ersten beschädigten Stelle "
                   "abgeschnitten (was danach stand, geht verloren). netzwerk muss dafür beendet sein.")
@click.option("--check", is_flag=True, help="Nur prüfen, nichts sichern und nichts ändern.")
def repair(check):
    from .store import EmbeddedStartError
    from .store.embedded import check_aof, repair_aof
    config = Config()
    if config.DATABASE_URL != "embedded":
        raise click.ClickException("`netzwerk repair` gilt nur für die eingebettete Datenbank "
                                   f"(NETZWERK_DATABASE_URL=embedded), nicht für {config.DATABASE_URL}.")
    try:
        if check:
            ok, output = check_aof(config.DATA_DIR)
            click.echo(output)
            if not ok:
                raise click.ClickException("Die Append-only-Dateien sind beschädigt. Reparieren mit: netzwerk repair")
            click.echo("Die Append-only-Dateien sind in Ordnung.")
            return
        report = repair_aof(config.DATA_DIR)
    except EmbeddedStartError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Sicherung der Append-only-Dateien: {report['backup']}")
    if report["was_valid"]:
        click.echo("Die Append-only-Dateien sind in Ordnung; es wurde nichts geändert.")
    elif report["repaired"]:
        click.echo(report["output"])
        click.echo("Repariert: die beschädigte Datei wurde an der ersten fehlerhaften Stelle abgeschnitten. "
                   "Änderungen danach fehlen; bitte die zuletzt gespeicherten Einträge prüfen. "
                   "Die Originale liegen in der Sicherung.")
    else:
        click.echo(report["output"])
        raise click.ClickException("Die Reparatur ist nicht gelungen; die Originale liegen unverändert in "
                                   f"{report['backup']}. Bitte eine Sicherung einspielen.")


if __name__ == "__main__":
    main()
