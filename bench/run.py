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
from bench.scenario import Scenario  # noqa: E402

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
    Scenario("page /", "/"),
    Scenario("page /hulp/", "/hulp/"),
    Scenario("health /healthz", "/healthz"),
    Scenario("catalogue /zorgwijzer/ (500 provisions)", "/zorgwijzer/", prepare=catalogue_with_500_provisions),
    Scenario("api /api/v1/voorzieningen/?battery=herstellen", "/api/v1/voorzieningen/?battery=herstellen"),
    Scenario("search /api/v1/voorzieningen/?q=slapen", "/api/v1/voorzieningen/?q=slapen"),
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


def bench_environment(workdir: Path) -> dict[str, str]:
    """Production settings, except plain HTTP on loopback."""
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
    connections.close_all()
    return prepared


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


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per measurement (default 5)")
    parser.add_argument("--warmup", type=float, default=1.0, help="seconds of warm-up per server (default 1)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server (default 2)")
    parser.add_argument("--client-processes", type=int, default=2, help="load generator processes (default 2)")
    parser.add_argument("--connections", type=int, default=4, help="connections per client process (default 4)")
    parser.add_argument("--only", default="", help="only scenarios whose label contains this text")
    return parser.parse_args(argv)


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds the context managers, which stop the servers


def main(argv: list[str]) -> int:
    options = parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    scenarios = [scenario for scenario in SCENARIOS if options.only in scenario.label]
    in_process = [measurement for measurement in IN_PROCESS if options.only in measurement.__name__]
    load = (options.duration, options.client_processes, options.connections)
    with tempfile.TemporaryDirectory(prefix="zorgwijzer-bench-") as tmp:
        workdir = Path(tmp)
        env = bench_environment(workdir)
        scenarios = prepare_database(env, scenarios, in_process)
        bare_env = {key: value for key, value in env.items() if key != "DJANGO_SETTINGS_MODULE"}
        print(
            f"gunicorn -w {options.workers}, {options.client_processes}×{options.connections} connections, "
            f"{options.duration:g} s per measurement, database {env['DATABASE_URL'].split(':', 1)[0]}",
            flush=True,
        )
        with (
            gunicorn("zorgwijzer", "zorgwijzer.wsgi", env, options.workers, workdir, "/healthz") as app,
            gunicorn("bare", "bench.bare_wsgi:application", bare_env, options.workers, workdir, "/") as bare,
        ):
            bare_view = Scenario("bare view", "/")
            measure(bare.port, bare_view, options.warmup, 1, options.connections)
            baseline = measure(bare.port, bare_view, *load)
            failed = baseline.errors > 0
            for scenario in scenarios:
                measure(app.port, scenario, options.warmup, 1, options.connections)
                result = measure(app.port, scenario, *load)
                ratio = result.rate / baseline.rate if baseline.rate else 0.0
                print(
                    f"{scenario.label}: {result.rate:.1f} req/s; bare view: {baseline.rate:.1f} req/s; "
                    f"ratio {ratio:.2f}",
                    flush=True,
                )
                print(
                    f"  latency p50 {result.percentile(0.5):.1f} ms, p95 {result.percentile(0.95):.1f} ms; "
                    f"{result.errors} unexpected responses",
                    flush=True,
                )
                failed = failed or result.errors > 0
            if failed:
                print(f"Some requests failed; server log:\n{tail(app.log)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
