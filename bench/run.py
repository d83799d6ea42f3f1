"""``make bench``: requests per second of Zorgwijzer pages, next to a bare Django view.

Builds a throw-away deployment with production settings (DEBUG off, collected static files,
a temporary SQLite database unless DATABASE_URL is set), starts Zorgwijzer and the bare view
(bench/bare_wsgi.py) each under gunicorn with the same worker count on loopback, loads each
scenario with concurrent HTTP/1.1 clients for a fixed time, prints one line per scenario and
stops the servers. Add a scenario by appending to ``SCENARIOS``. See bench/README.md.
"""

from __future__ import annotations

import argparse
import http.client
import importlib
import json
import logging
import multiprocessing
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import aftercare, barista, integrity, jaarbeeld, monitor, search_quality, selftests, teamcare  # noqa: E402
from bench.scenario import PUBLIC_TARGET, Row, Scenario  # noqa: E402

HOST = "127.0.0.1"


def catalogue_with_500_provisions() -> dict[str, str]:
    """Grow the published edition to 500 provisions (the issue's target size); idempotent."""
    from catalogue import selectors
    from catalogue.models import Provision

    edition = selectors.current_edition()
    existing = Provision.objects.filter(edition=edition).count()
    batteries = ("versterken", "voorkomen", "herstellen")
    Provision.objects.bulk_create(
        Provision(
            edition=edition,
            slug=f"bench-voorziening-{number}",
            name=f"Voorziening {number}",
            summary="Een voorziening om de snelheid van de catalogus te meten.",
            description="Deze voorziening bestaat alleen in de benchmarkdatabase.",
            how_to_start="Neem contact op met het team Veilig en Gezond Werken.",
            access_route="zelf_aanvragen",
            confidentiality="vertrouwelijk",
            keywords="benchmark, slaap, werkdruk",
            **{batteries[number % 3]: True},
        )
        for number in range(existing, 500)
    )
    from django.apps import apps

    from catalogue.search import edition_search_refresh

    edition_search_refresh(edition, lambda name: apps.get_model("catalogue", name))
    return {}


SEARCH_QUERIES = (
    "slapen",
    "slaap",
    "schulden",
    "geldzorgen",
    "burn-out",
    "ptss",
    "trauma",
    "ruzie in het team",
    "mediaton",
    "rouw",
    "werkdruk",
    "verslaving",
    "fysiotherapie",
    "coaching",
    "loopbaan",
    "agressie",
    "geweld",
    "huiselijk geweld",
    "thuisfront",
    "pensioen",
    "re-integratie",
    "vertrouwenspersoon",
    "integriteit",
    "bedrijfsarts",
    "psycholoog",
    "sporten",
    "fit",
    "voeding",
    "beeldscherm",
    "stress",
)


def search_latency_without_page_cache() -> list[str]:
    """Search as the API answers a query it has not seen: the whole-page cache switched off, 30
    different queries (stems, synonyms, a typo) over 500 provisions, in process (Django's test
    client, no network), against the same client fetching the help page as the baseline."""
    from django.test import Client, override_settings

    catalogue_with_500_provisions()
    client = Client()

    def timings(paths: list[str]) -> list[float]:
        spent = []
        for path in paths:
            started = time.perf_counter()
            response = client.get(path)
            spent.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        return sorted(spent)

    logging.disable(logging.INFO)  # one JSON line per request would drown the results
    with override_settings(ZORGWIJZER_PUBLIC_PAGE_SECONDS=0, ALLOWED_HOSTS=["testserver"]):
        searches = [f"/api/v1/voorzieningen/?q={query}" for query in SEARCH_QUERIES] * 5
        timings(searches[:5])  # warm-up
        search = timings(searches)
        baseline = timings(["/hulp/"] * len(searches))
    logging.disable(logging.NOTSET)

    def p(values: list[float], fraction: float) -> float:
        return values[min(len(values) - 1, int(len(values) * fraction))]

    return [
        f"search without page cache (30 queries × 5, 500 provisions): p50 {p(search, 0.5):.1f} ms, "
        f"p95 {p(search, 0.95):.1f} ms; help page p50 {p(baseline, 0.5):.1f} ms; "
        f"ratio {p(baseline, 0.5) / p(search, 0.5):.2f}"
    ]


#: What ``make bench`` measures. Later issues append their pages here.
SCENARIOS: list[Scenario] = [
    Scenario("page /", "/", target=PUBLIC_TARGET),
    Scenario("page /hulp/", "/hulp/", target=PUBLIC_TARGET),
    Scenario("health /healthz", "/healthz", target=PUBLIC_TARGET),
    Scenario("health /readyz (database and task queue)", "/readyz"),
    Scenario(
        "catalogue /zorgwijzer/ (500 provisions)",
        "/zorgwijzer/",
        prepare=catalogue_with_500_provisions,
        target=PUBLIC_TARGET,
    ),
    Scenario(
        "api /api/v1/voorzieningen/?battery=herstellen",
        "/api/v1/voorzieningen/?battery=herstellen",
        target=PUBLIC_TARGET,
    ),
    Scenario("search /api/v1/voorzieningen/?q=slapen", "/api/v1/voorzieningen/?q=slapen", target=PUBLIC_TARGET),
]
APP_MODULES = (selftests, aftercare, monitor, barista, jaarbeeld, teamcare, integrity, search_quality)
for module in APP_MODULES:
    SCENARIOS += getattr(module, "SCENARIOS", [])
IN_PROCESS: list[Callable[[], list[str]]] = [
    search_latency_without_page_cache,
    *(measurement for module in APP_MODULES for measurement in getattr(module, "IN_PROCESS", [])),
]


@dataclass
class Measurement:
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else 0.0


# --- The deployment -----------------------------------------------------------------------


def bench_environment(workdir: Path, database_url: str | None = None) -> dict[str, str]:
    """Production settings, except plain HTTP on loopback; the database is ``database_url``, else
    ``DATABASE_URL``, else a fresh SQLite file in ``workdir``."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "zorgwijzer.settings",
        "DEBUG": "0",
        "ZORGWIJZER_DEMO": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_HTTPS": "0",
        "ALLOWED_HOSTS": HOST,
        "ZORGWIJZER_VAR_DIR": str(workdir),
        "STATIC_ROOT": str(workdir / "static"),
        "PYTHONUNBUFFERED": "1",
    }
    if database_url:
        env["DATABASE_URL"] = database_url
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    if not (ROOT / "frontend" / "node_modules").is_dir():
        # Without the npm assets collectstatic cannot build the manifest; serve files as they are.
        env["ZORGWIJZER_PLAIN_STATIC"] = "1"
    return env


def prepare_database(
    env: dict[str, str], scenarios: list[Scenario], in_process: list[Callable[[], list[str]]]
) -> list[Scenario]:
    """Migrate, collect static files, run the in-process measurements and the scenarios' ``prepare``
    hooks; return the scenarios with their extra headers."""
    manage(env, "migrate", "--noinput", "-v0")
    if env.get("ZORGWIJZER_PLAIN_STATIC") != "1" and not manage(env, "collectstatic", "--noinput", "-v0", check=False):
        print("collectstatic failed (see above); measuring with plain static file storage.", file=sys.stderr)
        env["ZORGWIJZER_PLAIN_STATIC"] = "1"
    if not in_process and not any(scenario.prepare for scenario in scenarios):
        return scenarios
    os.environ.update(env)
    import django
    from django.db import connections

    django.setup()
    for measurement in in_process:
        for line in measurement():
            print(line, flush=True)
    prepared = []
    for scenario in scenarios:
        extra = scenario.prepare() if scenario.prepare else {}
        prepared.append(replace(scenario, headers={**scenario.headers, **extra}, prepare=None))
    settle_database()
    connections.close_all()
    return prepared


def settle_database() -> None:
    """Let the database finish what loading the data left it to do before anything is measured:
    on PostgreSQL the vacuum and statistics that autovacuum would otherwise run in the middle of a
    measurement (on a 2-core machine it takes a core from the servers) and a checkpoint; on
    SQLite the statistics and a checkpoint of the write-ahead log."""
    from django.db import DatabaseError, connection

    if connection.vendor == "postgresql":
        connection.ensure_connection()
        autocommit = connection.get_autocommit()
        connection.set_autocommit(True)  # VACUUM cannot run inside a transaction
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")
            try:
                cursor.execute("CHECKPOINT")
            except DatabaseError as error:  # needs a superuser or pg_checkpoint
                print(f"no checkpoint before measuring: {error}", file=sys.stderr)
        connection.set_autocommit(autocommit)
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def manage(env: dict[str, str], *args: str, check: bool = True) -> bool:
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=False)
    if check and result.returncode:
        raise SystemExit(f"manage.py {args[0]} failed with exit code {result.returncode}")
    return result.returncode == 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path


@contextmanager
def gunicorn(name: str, app: str, env: dict[str, str], workers: int, logdir: Path, probe: str) -> Iterator[Server]:
    port = free_port()
    log = logdir / f"{name}.log"
    command = [sys.executable, "-m", "gunicorn", app, "-b", f"{HOST}:{port}", "-w", str(workers)]
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
    server = Server(name, port, process, log)
    try:
        wait_until_ready(server, probe)
        yield server
    finally:
        stop(process)


def wait_until_ready(server: Server, probe: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise SystemExit(f"{server.name} stopped at start-up; see its log:\n{tail(server.log)}")
        try:
            connection = http.client.HTTPConnection(HOST, server.port, timeout=2)
            connection.request("GET", probe)
            if connection.getresponse().status < 500:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{server.name} did not answer within {timeout:.0f} s; see its log:\n{tail(server.log)}")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)  # gunicorn: graceful shutdown of its workers
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def tail(path: Path, lines: int = 30) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


# --- The load generator -------------------------------------------------------------------


def _client_thread(port: int, scenario: Scenario, until: float, counts: list[int], latencies: list[float]) -> None:
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    headers = {"Connection": "keep-alive", **scenario.headers}
    while time.monotonic() < until:
        started = time.perf_counter()
        try:
            connection.request(scenario.method, scenario.path, body=scenario.body or None, headers=headers)
            response = connection.getresponse()
            response.read()
            ok = response.status == scenario.expect_status
        except (OSError, http.client.HTTPException):
            connection.close()  # reconnects on the next request
            ok = False
        latencies.append((time.perf_counter() - started) * 1000)
        counts[0 if ok else 1] += 1
    connection.close()


def _client_process(port: int, scenario: Scenario, seconds: float, threads: int) -> tuple[int, int, list[float]]:
    until = time.monotonic() + seconds
    results = [([0, 0], []) for _ in range(threads)]  # type: list[tuple[list[int], list[float]]]
    workers = [
        threading.Thread(target=_client_thread, args=(port, scenario, until, counts, latencies))
        for counts, latencies in results
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return (
        sum(counts[0] for counts, _ in results),
        sum(counts[1] for counts, _ in results),
        [ms for _, latencies in results for ms in latencies],
    )


def measure(port: int, scenario: Scenario, seconds: float, processes: int, threads: int) -> Measurement:
    """Load one path with ``processes`` × ``threads`` concurrent HTTP/1.1 keep-alive clients.

    Several processes, so that the client is not what limits the rate (Python threads share a lock).
    """
    args = [(port, scenario, seconds, threads)] * processes
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        parts = pool.starmap(_client_process, args)
    return Measurement(
        requests=sum(part[0] for part in parts),
        errors=sum(part[1] for part in parts),
        seconds=seconds,
        latencies_ms=[ms for part in parts for ms in part[2]],
    )


# --- Main ---------------------------------------------------------------------------------

#: The benches of issue 23 that live in their own module and start their own deployment: each is
#: imported if it is there (a missing or broken module is reported, never stops the run) and its
#: ``run(db_url)`` is called once per database (``None``: SQLite), after this run's scenarios. It
#: returns rows with an ``ok`` field; the module's ``table(rows, db_url)``, if it has one, prints
#: them. ``--only`` selects one by its name (``--only loggedin``).
OPTIONAL_BENCHES = ("loggedin", "load", "peer")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per measurement (default 5)")
    parser.add_argument("--warmup", type=float, default=1.0, help="seconds of warm-up per server (default 1)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server (default 2)")
    parser.add_argument("--client-processes", type=int, default=2, help="load generator processes (default 2)")
    parser.add_argument("--connections", type=int, default=4, help="connections per client process (default 4)")
    parser.add_argument(
        "--only", default="", help="only scenarios whose label contains this text (several: separated by commas)"
    )
    parser.add_argument(
        "--databases",
        default="",
        help="sqlite and/or postgres, comma-separated (default: sqlite, and postgres when DATABASE_URL is set)",
    )
    parser.add_argument(
        "--targets",
        action="store_true",
        help="only the scenarios with a target (the public pages and APIs), no in-process measurements",
    )
    parser.add_argument("--one-pass", metavar="ROWS_FILE", help=argparse.SUPPRESS)  # a database's pass
    return parser.parse_args(argv)


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds the context managers, which stop the servers


def _selected(options: argparse.Namespace, name: str) -> bool:
    return any(text.strip() in name for text in options.only.split(","))


def databases(options: argparse.Namespace) -> list[tuple[str, str | None]]:
    """(name, URL) of each database to measure on; URL None is a fresh SQLite file."""
    url = os.environ.get("DATABASE_URL", "")
    wanted = [name.strip() for name in options.databases.split(",") if name.strip()]
    if not wanted:
        wanted = ["sqlite", "postgres"] if url.startswith("postgres") else ["sqlite"]
    if "postgres" in wanted and not url.startswith("postgres"):
        raise SystemExit("--databases postgres needs DATABASE_URL=postgres://… (it is migrated and filled)")
    return [("SQLite", None) if name == "sqlite" else ("PostgreSQL", url) for name in wanted]


def main(argv: list[str]) -> int:
    options = parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    if options.one_pass:
        return one_pass(options)
    tables: dict[str, list[Row]] = {}
    failed = False
    for name, url in databases(options):
        print(f"\n=== {name} ===", flush=True)
        with tempfile.TemporaryDirectory(prefix="zorgwijzer-bench-rows-") as tmp:
            rows_file = Path(tmp) / "rows.json"
            env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
            if url:
                env["DATABASE_URL"] = url
            # A process per database: Django is set up once per process, against one database.
            command = [sys.executable, str(Path(__file__).resolve()), *argv, "--one-pass", str(rows_file)]
            result = subprocess.run(command, cwd=ROOT, env=env, check=False)
            rows = [Row(*row) for row in json.loads(rows_file.read_text())] if rows_file.exists() else []
        failed = failed or result.returncode != 0 or not rows
        rows += optional_benches(options, url)
        tables[name] = rows
    print(closing_table(tables), flush=True)
    failed = failed or not all(row.ok for rows in tables.values() for row in rows)
    return 1 if failed else 0


def one_pass(options: argparse.Namespace) -> int:
    """Measure every selected scenario on one database (``DATABASE_URL``, else a fresh SQLite
    file); print a line per scenario and its table, and write the rows to ``--one-pass``."""
    scenarios = [scenario for scenario in SCENARIOS if _selected(options, scenario.label)]
    in_process = [measurement for measurement in IN_PROCESS if _selected(options, measurement.__name__)]
    if options.targets:
        scenarios, in_process = [scenario for scenario in scenarios if scenario.target is not None], []
    load = (options.duration, options.client_processes, options.connections)
    rows: list[Row] = []
    unexpected = 0
    with tempfile.TemporaryDirectory(prefix="zorgwijzer-bench-") as tmp:
        workdir = Path(tmp)
        env = bench_environment(workdir)
        scenarios = prepare_database(env, scenarios, in_process)
        bare_env = {key: value for key, value in env.items() if key != "DJANGO_SETTINGS_MODULE"}
        print(
            f"gunicorn -w {options.workers}, {options.client_processes}×{options.connections} connections, "
            f"{options.duration:g} s per measurement, database {env['DATABASE_URL'].split(':', 1)[0]}; "
            "the bare view is measured right before each scenario",
            flush=True,
        )
        with (
            gunicorn("zorgwijzer", "zorgwijzer.wsgi", env, options.workers, workdir, "/healthz") as app,
            gunicorn("bare", "bench.bare_wsgi:application", bare_env, options.workers, workdir, "/") as bare,
        ):
            bare_view = Scenario("bare view", "/")
            measure(bare.port, bare_view, options.warmup, 1, options.connections)
            for scenario in scenarios:
                # The bare view right before each scenario, so that a change in the machine's load
                # (other processes, CPU frequency) during the run moves both sides of the ratio.
                baseline = measure(bare.port, bare_view, *load)
                measure(app.port, scenario, options.warmup, 1, options.connections)
                result = measure(app.port, scenario, *load)
                row = scenario_row(scenario, result, baseline)
                rows.append(row)
                print(
                    f"{scenario.label}: {result.rate:.1f} req/s; bare view: {baseline.rate:.1f} req/s; "
                    f"ratio {row.ratio:.2f}{target_text(row)}",
                    flush=True,
                )
                print(
                    f"  latency p50 {result.percentile(0.5):.1f} ms, p95 {result.percentile(0.95):.1f} ms; "
                    f"{result.errors} unexpected responses",
                    flush=True,
                )
                unexpected += result.errors + baseline.errors
            if unexpected:
                print(f"Some requests failed; server log:\n{tail(app.log)}", file=sys.stderr)
    Path(options.one_pass).write_text(json.dumps([list(row) for row in rows]))
    return 0


def scenario_row(scenario: Scenario, result: Measurement, baseline: Measurement) -> Row:
    ratio = result.rate / baseline.rate if baseline.rate else 0.0
    clean = result.errors == 0 and baseline.errors == 0
    meets = scenario.target is None or ratio >= scenario.target
    return Row(scenario.label, result.rate, ratio, scenario.target, clean and meets)


def target_text(row: Row) -> str:
    mark = "PASS" if row.ok else "FAIL"
    return f" (target ≥ {row.target:.2f}: {mark})" if row.target is not None else ("" if row.ok else " (FAIL)")


def optional_benches(options: argparse.Namespace, url: str | None) -> list[Row]:
    """Hook: the benches of OPTIONAL_BENCHES that are present, each on this database."""
    rows = []
    for name in OPTIONAL_BENCHES:
        if options.targets or (options.only and not _selected(options, name)):
            continue
        try:
            module = importlib.import_module(f"bench.{name}")
        except ImportError as error:
            print(f"bench/{name}.py: not measured ({error})", flush=True)
            continue
        if not hasattr(module, "run"):
            continue
        print(f"\n--- bench/{name}.py ---", flush=True)
        try:
            found = list(module.run(url))
        except (Exception, SystemExit) as error:  # one bench's failure is reported, the others still run
            print(f"bench/{name}.py failed: {error!r}", flush=True)
            rows.append(Row(f"bench/{name}.py", 0.0, 0.0, None, False))
            continue
        table = getattr(module, "table", None)
        print(table(found, url) if table else "\n".join(map(str, found)), flush=True)
        rows.append(
            Row(f"bench/{name}.py ({len(found)} rows, see its table)", 0.0, 0.0, None, all(r.ok for r in found))
        )
    return rows


def closing_table(tables: dict[str, list[Row]]) -> str:
    """Every scenario's ratio per database, with its target and whether it was met."""
    names = list(dict.fromkeys(row.name for rows in tables.values() for row in rows))
    found = {(database, row.name): row for database, rows in tables.items() for row in rows}
    width = max([len(name) for name in names] + [8])
    header = f"{'scenario'.ljust(width)}  target  " + "  ".join(f"{database:>16}" for database in tables)
    lines = ["", "Ratios to the bare view (req/s), per database:", header, "-" * len(header)]
    for name in names:
        rows = [found.get((database, name)) for database in tables]
        target = next((row.target for row in rows if row is not None and row.target is not None), None)
        cells = [_cell(row) for row in rows]
        shown = f"≥ {target:.2f}" if target is not None else ""
        lines.append(f"{name.ljust(width)}  {shown:>6}  " + "  ".join(cells))
    met = sum(row.ok for rows in tables.values() for row in rows if row.target is not None)
    total = sum(row.target is not None for rows in tables.values() for row in rows)
    lines.append(f"targets met: {met} of {total}")
    return "\n".join(lines)


def _cell(row: Row | None) -> str:
    if row is None:
        return f"{'-':>16}"
    if row.rate == 0.0 and row.ratio == 0.0:
        return f"{'ok' if row.ok else 'FAIL':>16}"
    mark = "PASS" if row.ok else "FAIL"
    if row.target is None:
        mark = "" if row.ok else "FAIL"
    return f"{row.ratio:5.2f} {mark:4} ({row.rate:5.0f})".rjust(16)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
