"""The command line: a thin layer that parses options, calls the library and prints.

Every error (``OogstError``, and also OSError, sqlite3.Error, bad values, undecodable input)
becomes one clear line on stderr and exit code 1; ``oogst --debug …`` shows the traceback.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.progress import ProgressColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from oogst import lang as languages
from oogst.errors import OogstError

_LANG_CHOICES = f"{', '.join(languages.CODES)} or auto"  # the registered languages (oogst.lang)

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="oogst — harvest what people said from articles into a one-page digest.")
# markup and emoji codes off: titles, URLs and quotes from sources are printed as they are
# ("[/b]" in a title is text, not a closing tag); styles are applied with Text, never markup
out = Console(markup=False, emoji=False, highlight=False)
err = Console(stderr=True, markup=False, emoji=False, highlight=False)

# exit codes: 0 done; 1 an error ended the command; 2 a wrong option or argument (Typer's own);
# 3 add finished but some sources failed (or, with --strict, were cut or capped); 130 interrupted
EXIT_ERROR, EXIT_PARTLY, EXIT_INTERRUPTED = 1, 3, 130


StoreOpt = Annotated[Path, typer.Option("--store", help="SQLite store file.", envvar="OOGST_STORE")]


def _styled(label: str, style: str, message: str) -> Text:
    return Text.assemble((label, style), " ", message)


def _fail(message: str) -> None:
    err.print(_styled("error:", "bold red", message), soft_wrap=True)
    raise typer.Exit(1)


def _read_input(source: str) -> tuple[str, str | None]:
    """The text of one document (stdin with '-'), and its language if the source says."""
    if source == "-":  # plain text needs no reader: skip importing trafilatura and httpx
        return _read_stdin(), None
    from oogst.ingest import iter_sources
    from oogst.ingest.files import Failed

    results = list(iter_sources([source]))
    if not results:
        _fail(f"{source}: nothing to read")
    first = results[0]
    if isinstance(first, Failed):
        _fail(f"{first.source}: {first.reason}")
    return first.text, first.language  # type: ignore[union-attr]


def _seconds(flag: str, value: float, *, zero: bool = False) -> float:
    """A number of seconds: finite, and positive (or zero, where waiting no time makes sense)."""
    import math

    if not math.isfinite(value) or value < 0 or (value == 0 and not zero):
        raise typer.BadParameter(f"{value:g} is not a usable number of seconds; give a number "
                                 f"{'of 0 or more' if zero else 'above 0'}, e.g. {flag} 20", param_hint=flag)
    return value


def _regular(path: Path, what: str) -> None:
    """Refuse a FIFO, a device or a folder given as ``what`` before reading it (it would hang)."""
    from oogst.filekinds import NoSuchFile, regular_file

    try:
        regular_file(path)
    except NoSuchFile:
        _fail(f"{path}: cannot read {what} (no such file)")
    except OogstError as exc:
        _fail(f"{path}: cannot read {what}: {exc}")


def _read_stdin() -> str:
    """Text on stdin, in whatever encoding it has; binary data is refused, not harvested."""
    from oogst.ingest.decode import binary_kind, decode_text, looks_binary

    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8", "surrogateescape")
    kind = binary_kind(data)
    if kind:
        _fail(f"stdin holds {kind}, not text")
    text = decode_text(data)
    why = looks_binary(text)
    if why:
        _fail(f"stdin is not text: {why}")
    return text


def _item_dict(item) -> dict[str, object]:  # noqa: ANN001
    return {"kind": item.kind, "text": item.text, "start": item.start, "end": item.end,
            "speaker": item.speaker, "speaker_role": item.speaker_role,
            "organisation": item.organisation, "cue": item.cue,
            "confidence": round(item.confidence, 2), "nested": item.nested}


def _print_items(items, fmt: str) -> None:  # noqa: ANN001
    if fmt == "jsonl":
        for i in items:
            out.out(json.dumps(_item_dict(i), ensure_ascii=False), highlight=False)
    elif fmt == "json":
        out.out(json.dumps([_item_dict(i) for i in items], ensure_ascii=False, indent=2), highlight=False)
    elif fmt == "table":
        table = Table("kind", "text", "speaker", "role", "offsets")
        for i in items:
            table.add_row(i.kind, i.text, i.speaker or "—", i.speaker_role or "—", f"{i.start}–{i.end}")
        out.print(table)
    else:
        _fail(f"unknown format {fmt!r}; use jsonl, json or table")


def _extract(source: str, lang: str, fmt: str, kinds: list[str]) -> None:
    from oogst.errors import LanguageError
    from oogst.harvest import harvest

    if lang != "auto" and not languages.known(lang):
        _fail(f"{languages.unknown_language(lang)} (or auto)")
    text, own = _read_input(source)
    try:  # --lang, else the document's own language, else detected: oogst.lang.choose
        code = languages.choose(text, lang if lang != "auto" else None, own)
    except LanguageError as exc:
        _fail(f"{exc}; choose one with --lang ({' or '.join(languages.CODES)})")
    _print_items(harvest(text, code, kinds=kinds).items, fmt)


@app.command()
def quotes(
    source: Annotated[str, typer.Argument(help="A file, a URL, or - for plain text on stdin.")] = "-",
    lang: Annotated[str, typer.Option(help=f"{_LANG_CHOICES}.")] = "auto",
    format: Annotated[str, typer.Option("--format", help="jsonl, json or table.")] = "table",
) -> None:
    """Harvest the direct quotes of one document, without a store.

    Example: echo "‘Durf te leren,’ zegt Anna de Vries." | oogst quotes - --lang nl --format jsonl
    """
    _extract(source, lang, format, ["quote"])


@app.command()
def extract(
    source: Annotated[str, typer.Argument(help="A file, a URL, or - for plain text on stdin.")] = "-",
    lang: Annotated[str, typer.Option(help=f"{_LANG_CHOICES}.")] = "auto",
    format: Annotated[str, typer.Option("--format", help="jsonl, json or table.")] = "table",
    kind: Annotated[str, typer.Option(help="Comma-separated: quote,paraphrase,takeaway,advice.")] = "quote,paraphrase,takeaway,advice",
) -> None:
    """Harvest every kind of statement of one document, without a store.

    Example: oogst extract artikel.html --kind takeaway,advice --format json
    """
    from oogst.models import ITEM_KINDS

    kinds = [k.strip() for k in kind.split(",") if k.strip()]
    bad = [k for k in kinds if k not in ITEM_KINDS]
    if bad:
        _fail(f"unknown kind {', '.join(bad)}; choose from {', '.join(ITEM_KINDS)}")
    _extract(source, lang, format, kinds)


@app.command()
def add(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, .jsonl corpora, http(s) URLs of pages, sitemaps or feeds, or an ITEMS.parquet folder written by oogst harvest (loaded without harvesting again).")],
    store: StoreOpt = Path("oogst.db"),
    glob: Annotated[Optional[str], typer.Option(help="Only files matching this pattern in folders.")] = None,
    period: Annotated[Optional[str], typer.Option(help="Keep documents published in this period: 2020-Q3..2020-Q4, 2020-H2, 2020.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Keep documents published on or after this date (2020, 2020-07, 2020-07-01).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Keep documents published on or before this date.")] = None,
    match: Annotated[Optional[str], typer.Option(help="Only pages from sitemaps and feeds whose URL path matches this regular expression.")] = None,
    contact: Annotated[Optional[str], typer.Option(help="Your e-mail address or URL, sent to sites in the User-Agent.", envvar="OOGST_CONTACT")] = None,
    delay: Annotated[float, typer.Option(help="Seconds between two requests to the same site.", callback=lambda v: _seconds("--delay", v, zero=True))] = 1.0,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for a server to answer.", callback=lambda v: _seconds("--timeout", v))] = 20.0,
    deadline: Annotated[float, typer.Option(help="Seconds one URL may take in all (slow servers, retries, redirects).", callback=lambda v: _seconds("--deadline", v))] = 120.0,
    max_links: Annotated[int, typer.Option(help="Pages followed from one sitemap or feed at most.", min=1)] = 1000,
    strict: Annotated[bool, typer.Option("--strict", help="Exit with code 3 also when a document was cut or a listing capped.")] = False,
    private_addresses: Annotated[bool, typer.Option("--private-addresses/--no-private-addresses", help="Allow loopback and private-network addresses (an intranet).")] = True,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every skipped source, not only the first ten.")] = False,
    workers: Annotated[Optional[int], typer.Option(help="Processes that harvest local files (default: one per core).")] = None,
    lang: Annotated[Optional[str], typer.Option(help=f"Read every document in this language ({', '.join(languages.CODES)}), whatever it gives or detection finds.")] = None,
) -> None:
    """Add sources to the store: read, harvest and save them. Re-adding changes nothing.

    A sitemap (also an index or .xml.gz) or an RSS/Atom feed adds the pages it lists; a re-run
    asks each site only for what changed. Failures are recorded: see oogst sources --failed.
    A document is read in the language --lang names, else the one it gives (JSONL or front
    matter lang, <html lang>), else the detected one; one in a language oogst has no pack for,
    or that reads as none, fails (a PDF or DOCX gives none: --lang reads it).
    Exit code 0: all went in; 3: it ran, but some sources failed (with --strict also when a
    document was cut or a listing capped); 1: an error stopped it.

    Example: oogst add https://example.org/sitemap.xml --period 2020-Q3..2020-Q4 --match /verhalen/
    """
    from oogst.ingest import FetchPolicy, Filters
    from oogst.ingest import add as add_sources
    from oogst.store import Store

    try:
        filters = Filters.build(period, since, until, match)
        if lang is not None:
            lang = languages.get(lang).code
    except OogstError as exc:
        _fail(str(exc))
    policy = FetchPolicy.from_env(contact=contact, host_delay=max(0.0, delay), read_timeout=timeout,
                                  allow_private_addresses=private_addresses, deadline=deadline,
                                  max_links=max_links)
    if not policy.contact and any(s.startswith(("http://", "https://")) for s in sources):
        err.print("note: set OOGST_CONTACT or --contact so site owners can reach you", highlight=False)
    harvests, sources = _split_harvests(sources)
    counts = {"added": 0, "updated": 0, "unchanged": 0, "skipped": 0, "failed": 0}
    with Store(store) as st, Progress(TextColumn("{task.description}", markup=False), BarColumn(bar_width=24), MofNCompleteColumn(),
                                      TimeRemainingColumn(), console=err, transient=True) as progress:
        task = progress.add_task("adding", total=0)

        def found(n: int) -> None:
            progress.update(task, total=(progress.tasks[0].total or 0) + n)

        def tick(source: str, status: str, reason: str | None) -> None:
            counts[status] = counts.get(status, 0) + 1
            shown = " · ".join(f"{k} {v}" for k, v in counts.items() if v and k != "listed")
            progress.update(task, advance=1, description=shown)

        st.check_integrity()  # never write into a damaged store
        summary = _load_harvests(st, harvests, filters, tick, found)
        if sources or not harvests:
            summary.extend(add_sources(st, sources, glob=glob, filters=filters, policy=policy,
                                       on_result=tick, on_found=found, workers=_cores(workers), lang=lang,
                                       lang_hint=", or choose one for every document with --lang"))
    _print_add_summary(summary, verbose)
    if summary.failed or (strict and summary.partial):
        what = f"{len(summary.failed)} source(s) failed" if summary.failed else "some sources were cut or capped"
        err.print(_styled("note:", "yellow", f"{what}; exit code {EXIT_PARTLY} (see above, or oogst sources --failed)"),
                  soft_wrap=True)
        raise typer.Exit(EXIT_PARTLY)


def _cores(workers: int | None) -> int:
    import os

    return max(1, workers if workers is not None else (os.cpu_count() or 1))


def _split_harvests(sources: list[str]) -> tuple[list[Path], list[str]]:
    """The batch harvests among the sources (folders written by oogst harvest), and the rest."""
    from oogst.batch.output import is_harvest

    harvests: list[Path] = []
    rest: list[str] = []
    for s in sources:
        if "://" not in s and is_harvest(Path(s)):
            harvests.append(Path(s))
        else:
            rest.append(s)
    return harvests, rest


def _load_harvests(st, harvests: list[Path], filters, tick, found):  # noqa: ANN001, ANN202
    from oogst.batch.load import count, load_into
    from oogst.ingest import AddSummary

    summary = AddSummary()
    if harvests:
        found(sum(count(h) for h in harvests))
    for h in harvests:
        summary.extend(load_into(st, h, filters=filters, on_result=tick))
    return summary


def _print_add_summary(summary, verbose: bool) -> None:  # noqa: ANN001
    out.print(f"added {len(summary.added)}, updated {len(summary.updated)}, unchanged {len(summary.unchanged)}, "
              f"failed {len(summary.failed)}, skipped by filter {len(summary.skipped)}", highlight=False, soft_wrap=True)
    for url, n in summary.listed:
        out.print(f"  read: {url} ({n} links)", highlight=False, soft_wrap=True)
    shown = summary.skipped if verbose else summary.skipped[:10]
    for source, reason in shown:
        out.print(f"  skipped: {source}: {reason}", highlight=False, soft_wrap=True)
    if len(shown) < len(summary.skipped):
        out.print(f"  … and {len(summary.skipped) - len(shown)} more skipped (--verbose lists them)", highlight=False, soft_wrap=True)
    for source, reason in summary.failed:
        out.print(f"  failed: {source}: {reason}", highlight=False, soft_wrap=True)
    for url, reason in summary.cut:
        out.print(f"  cut: {url}: {reason}", highlight=False, soft_wrap=True)
    for url, n, left in summary.capped:
        out.print(f"  capped: {url}: lists {n} links; the last {left} were not followed "
                  "(more pages than --max-links allows per listing)", highlight=False, soft_wrap=True)


@app.command()
def sources(
    store: StoreOpt = Path("oogst.db"),
    failed: Annotated[bool, typer.Option("--failed", help="Only the sources that failed.")] = False,
    format: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """List what the store holds, with failures and their reasons.

    Example: oogst sources --failed --format json
    """
    from oogst.store import Store, dumps_row

    if format not in ("table", "json"):
        _fail(f"unknown format {format!r}; use table or json")
    with Store(store, readonly=True) as st:
        st.check_integrity()  # a damaged store says so, instead of listing what happens to be readable
        rows = st.sources(failed_only=failed)
    if format == "json":
        out.out(json.dumps([dumps_row(r) for r in rows], ensure_ascii=False, indent=2), highlight=False)
        return
    table = Table("published", "title", "lang", "items", "status")
    table.add_column("url", overflow="fold")
    for r in rows:
        status = f"failed: {r.error}" if r.error else "; ".join((r.status, *(f"cut: {n}" for n in r.notes)))
        table.add_row(r.published or "—", r.title[:60], r.language or "—", str(r.items), status, r.url)
    out.print(table)


class _DocsPerSecond(ProgressColumn):
    def render(self, task) -> Text:  # noqa: ANN001
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} docs/s" if speed else "… docs/s")


@app.command(name="harvest")
def harvest_cmd(
    sources: Annotated[list[str], typer.Argument(help="JSONL corpora (also .jsonl.gz), Parquet files with url/text/title/published columns, documents or folders of them.")],
    out_path: Annotated[Path, typer.Option("--out", help="The Parquet folder to write (and resume): items, documents and failures.")],
    scheduler: Annotated[Optional[str], typer.Option(help="A running Dask scheduler, tcp://HOST:PORT. Without it, a local cluster of one process per core.", envvar="OOGST_SCHEDULER")] = None,
    workers: Annotated[Optional[int], typer.Option(help="Processes of the local cluster (default: one per core).")] = None,
    lang: Annotated[str, typer.Option(help=f"{_LANG_CHOICES} (each document's own, else detected).")] = "auto",
    kinds: Annotated[str, typer.Option("--kinds", help="Comma-separated: quote,paraphrase,takeaway,advice.")] = "quote,paraphrase,takeaway,advice",
    partition_docs: Annotated[int, typer.Option(help="Documents per partition at most.")] = 500,
    partition_mb: Annotated[float, typer.Option(help="Megabytes of input per partition at most.")] = 8.0,
    time_limit: Annotated[float, typer.Option(help="Seconds one document's harvest may take; 0 for no limit.")] = 120.0,
    fresh: Annotated[bool, typer.Option("--fresh", help="Start over instead of resuming what --out holds.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every failed document of this run, not only the first ten.")] = False,
) -> None:
    """Harvest a large corpus on Dask into Parquet; a killed run resumes where it stopped.

    Load the result with oogst add ITEMS.parquet.

    Example: oogst harvest archief.jsonl.gz --out items.parquet --scheduler tcp://rekenserver:8786
    """
    from oogst.batch import harvest_batch

    wanted = [k.strip() for k in kinds.split(",") if k.strip()]
    with Progress(TextColumn("{task.description}"), BarColumn(bar_width=24), MofNCompleteColumn(),
                  _DocsPerSecond(), TimeElapsedColumn(), console=err, transient=True) as progress:
        task = progress.add_task("starting the cluster", total=None)

        def started(info) -> None:  # noqa: ANN001
            where = "local cluster" if info.local else f"cluster at {info.scheduler}"
            err.print(f"{where}: {info.workers} worker(s), {info.threads} thread(s)"
                      + (f"; dashboard {info.dashboard}" if info.dashboard else ""), highlight=False, soft_wrap=True)
            progress.update(task, description="harvesting")

        def tick(p) -> None:  # noqa: ANN001
            progress.update(task, completed=p.documents, total=p.total,
                            description=f"harvesting · {p.items:,} items · {p.failed:,} failed")

        summary = harvest_batch(sources, out_path, scheduler=scheduler, workers=workers, lang=lang, kinds=wanted,
                                partition_docs=partition_docs, partition_bytes=max(1, int(partition_mb * 1024 * 1024)),
                                time_limit=time_limit or None, fresh=fresh, on_start=started, on_progress=tick)
    resumed = f", {summary.resumed} kept from an earlier run" if summary.resumed else ""
    out.print(f"harvested {summary.documents:,} documents, {summary.items:,} items, {summary.failed:,} failed, "
              f"in {summary.partitions} partitions{resumed} ({summary.seconds:.1f} s) → {out_path}",
              highlight=False, soft_wrap=True)
    shown = summary.failures if verbose else summary.failures[:10]
    for source, reason in shown:
        out.print(f"  failed: {source}: {reason}", highlight=False, soft_wrap=True)
    if len(shown) < len(summary.failures):
        out.print(f"  … and more (all of them: the _failures table in {out_path})", highlight=False, soft_wrap=True)
    for index, reason in summary.failed_partitions:
        out.print(f"  partition {index} not done: {reason}", highlight=False, soft_wrap=True)
    if summary.failed_partitions:
        _fail(f"{len(summary.failed_partitions)} partition(s) not done; run the same command again to finish them")


def _formats(value: str) -> list[str]:
    from oogst.render import FORMATS

    formats = [f.strip().lower() for f in value.split(",") if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        _fail(f"unknown format {', '.join(bad)}; choose from {', '.join(FORMATS)}")
    if not formats:
        _fail(f"--formats is empty; give one or more of {', '.join(FORMATS)}")
    return list(dict.fromkeys(formats))


LESSONS = (1, 6)  # the most a one-page digest holds


def _topic_period(topic: str, period: str, lessons: int | None = None) -> None:
    """Refuse an empty topic, a bad period and an impossible number of lessons before any work."""
    from oogst.select.period import parse_period

    if not topic.strip():
        _fail("--topic is empty; give the topic phrase, e.g. --topic 'interbestuurlijk samenwerken'")
    parse_period(period)
    if lessons is not None and not LESSONS[0] <= lessons <= LESSONS[1]:
        _fail(f"--lessons {lessons}: give a number from {LESSONS[0]} to {LESSONS[1]}, or leave it out")


def _report_render(result) -> None:  # noqa: ANN001
    for warning in result.warnings:
        err.print(_styled("warning:", "yellow", warning), soft_wrap=True)
    for fmt, path in result.paths.items():
        out.print(f"{fmt:>6}: {path}", highlight=False)


@app.command()
def candidates(
    period: Annotated[str, typer.Option(help="e.g. 2020-Q3..2020-Q4, 2020-H2, 2020, 2020-07..2020-12.")],
    topic: Annotated[Optional[str], typer.Option(help="The topic phrase, e.g. 'interbestuurlijk samenwerken'. It orders; without it every article of the period is in scope.")] = None,
    store: StoreOpt = Path("oogst.db"),
    format: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    limit: Annotated[int, typer.Option(help="How many candidates to show.")] = 40,
) -> None:
    """Show the ranked candidates for a topic and period, with the reasons for each score.

    Example: oogst candidates --topic "interbestuurlijk samenwerken" --period 2025-Q3..2026-Q1
    """
    from oogst.select.rank import rank_store
    from oogst.store import Store

    _topic_period(topic, period)
    if limit < 1:
        _fail(f"--limit {limit}: give a number of 1 or more")
    if format not in ("table", "json"):
        _fail(f"unknown format {format!r}; use table or json")
    with Store(store, readonly=True) as st:  # ranking only: candidates need no grouping
        result = rank_store(st, (topic or "").strip() or None, period)
    rows = result.candidates[:limit]
    if format == "json":
        data = [{"id": c.item.id, "kind": c.item.kind, "text": c.item.text, "speaker": c.item.speaker,
                 "speaker_role": c.item.speaker_role, "source_url": c.source_url,
                 "published": c.published, "score": round(c.score, 4), "scores": c.scores,
                 "reasons": list(c.reasons)} for c in rows]
        out.out(json.dumps(data, ensure_ascii=False, indent=2), highlight=False)
        return
    table = Table("score", "kind", "text", "speaker", "reasons")
    for c in rows:
        table.add_row(f"{c.score:.2f}", c.item.kind, c.item.text[:120], c.item.speaker or "—", "; ".join(c.reasons))
    out.print(table)
    notes = list(result.notes())
    if not result.candidates:
        from oogst.select.lexicon import note as note_text

        notes.append(note_text(result.topic.language, "empty"))
    for note in notes:
        err.print(f"note: {note}", highlight=False)


def _make_digest(store: Path, topic: str | None, period: str, lessons: int | None, title: str | None):  # noqa: ANN202
    from oogst.digest import digest_from_store
    from oogst.store import Store

    with Store(store, readonly=True) as st:
        return digest_from_store(st, topic, period, lessons=lessons, title=title)


@app.command()
def digest(
    period: Annotated[str, typer.Option(help="e.g. 2020-Q3..2020-Q4, 2020-H2, 2020, 2020-07..2020-12.")],
    topic: Annotated[Optional[str], typer.Option(help="The topic phrase, e.g. 'interbestuurlijk samenwerken'. It orders; without it every article of the period is in scope.")] = None,
    store: StoreOpt = Path("oogst.db"),
    lessons: Annotated[Optional[int], typer.Option(help="Number of lessons (default: what the material supports, 2–4).")] = None,
    title: Annotated[Optional[str], typer.Option(help="Set the title instead of the generated question.")] = None,
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the outputs.")] = Path("digest"),
    formats: Annotated[str, typer.Option(help="Comma-separated: html,pdf,png,md,json.")] = "html,pdf,png,md,json",
    theme: Annotated[Optional[Path], typer.Option(help="A theme file (TOML or JSON).")] = None,
) -> None:
    """Make the digest for a topic and period from the store and render it.

    Example: oogst digest --topic "interbestuurlijk samenwerken" --period 2025-Q3..2026-Q1 --out digest/
    """
    from oogst.digest_json import dumps
    from oogst.render import render as render_digest
    from oogst.store import Store

    fmts = _formats(formats)
    _topic_period(topic, period, lessons)
    theme_value = _theme(theme)
    result = _make_digest(store, topic, period, lessons, title)
    made, notes = result.digest, result.notes
    del result  # every ranked candidate: let it go before the renderers take their memory
    text = dumps(made)
    try:
        with Store(store) as st:
            st.save_digest(topic or "", period, text)
    except OogstError as exc:  # a read-only store still gets its digest rendered, with a warning
        err.print(_styled("warning:", "yellow", f"the digest was not saved in the store: {exc}"), soft_wrap=True)
    for note in notes:
        err.print(f"note: {note}", highlight=False)
    _report_render(render_digest(made, out_dir, fmts, theme=theme_value, json_text=text))


def _theme(path: Path | None):  # noqa: ANN202
    if path is None:
        return None
    from oogst.errors import RenderError
    from oogst.render.theme import load_theme

    _regular(path, "the theme file")
    try:
        return load_theme(path)
    except (TypeError, ValueError, AttributeError, KeyError) as exc:  # a value of the wrong type
        raise RenderError(f"theme file {path}: a value has the wrong type or form ({exc})") from None


@app.command()
def check(
    digest_file: Annotated[Path, typer.Argument(help="A digest.json file.")],
    store: StoreOpt = Path("oogst.db"),
) -> None:
    """Check that every item in a digest is verbatim or a faithful abridgement of its source.

    Example: oogst check digest/digest.json --store oogst.db
    """
    from oogst.check import check_digest, store_lookups
    from oogst.store import Store

    dg = _load_digest(digest_file)
    with Store(store, readonly=True) as st:
        violations = check_digest(dg, *store_lookups(st, dg))
    if not violations:
        out.print(f"ok: all {len(dg.all_items())} items are faithful to their sources", highlight=False)
        return
    for v in violations:
        out.print(_violation(v), highlight=False)
    _fail(f"{len(violations)} item(s) alter what was said")


def _violation(v) -> str:  # noqa: ANN001
    diff = f"\n    {v.diff}" if v.diff else ""
    return f"item {v.item_id} ({v.source_url}): {v.reason}{diff}"


def _load_digest(path: Path):  # noqa: ANN202
    from oogst.digest_json import read

    return read(path)


@app.command()
def render(
    digest_file: Annotated[Path, typer.Argument(help="A digest.json file, possibly edited.")],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the outputs.")] = Path("digest"),
    formats: Annotated[str, typer.Option(help="Comma-separated: html,pdf,png,md,json.")] = "html,pdf,png,md",
    store: StoreOpt = Path("oogst.db"),
    allow_edits: Annotated[bool, typer.Option("--allow-edits", help="Render items that alter their source, marked as edited.")] = False,
    theme: Annotated[Optional[Path], typer.Option(help="A theme file (TOML or JSON).")] = None,
) -> None:
    """Render a (possibly edited) digest.json again, after checking it against the store.

    Example: oogst render digest/digest.json --out digest/ --formats html,pdf
    """
    from oogst.check import check_digest, store_lookups
    from oogst.digest_json import dumps
    from oogst.render import render as render_digest
    from oogst.store import Store

    fmts = _formats(formats)
    theme_value = _theme(theme)
    dg = _load_digest(digest_file)
    if store.exists():
        with Store(store, readonly=True) as st:
            violations = check_digest(dg, *store_lookups(st, dg))
        if violations and not allow_edits:
            for v in violations:
                err.print(_violation(v), highlight=False)
            _fail(f"{len(violations)} item(s) alter what was said; fix them or pass --allow-edits")
        if violations:
            dg = _mark_edited(dg, {v.item_id for v in violations})
    else:
        err.print(_styled("warning:", "yellow", f"no store at {store}; quotes were not checked against their sources"), soft_wrap=True)
    _report_render(render_digest(dg, out_dir, fmts, theme=theme_value, json_text=dumps(dg)))


def _mark_edited(dg, ids: set[str]):  # noqa: ANN001, ANN202
    from dataclasses import replace

    def mark(items):  # noqa: ANN001, ANN202
        return tuple(replace(i, edited=True) if i.id in ids else i for i in items)

    return replace(dg, highlights=mark(dg.highlights),
                   lessons=tuple(replace(l, tips=mark(l.tips), items=mark(l.items)) for l in dg.lessons))


DEMO_TOPIC = "interbestuurlijk samenwerken"
DEMO_PERIOD = "2025-Q3..2026-Q1"


@app.command()
def demo(
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the outputs.")] = Path("oogst-demo"),
) -> None:
    """Ingest the bundled demo corpus into a temporary store and write its digest in every format.

    Example: oogst demo --out oogst-demo/
    """
    from importlib.resources import files

    from oogst.digest_json import dumps
    from oogst.ingest import add as add_sources
    from oogst.render import render as render_digest
    from oogst.store import Store

    corpus = files("oogst") / "demo" / "corpus"
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "demo.db"
        with Store(store) as st:
            summary = add_sources(st, [str(corpus)], glob="*.html")
        out.print(f"demo corpus: {len(summary.added)} articles added to a temporary store", highlight=False)
        result = _make_digest(store, DEMO_TOPIC, DEMO_PERIOD, None, None)
    text = dumps(result.digest)
    out.print(f"digest: {result.digest.title}", highlight=False)
    _report_render(render_digest(result.digest, out_dir, ["html", "pdf", "png", "md", "json"], json_text=text))


@app.command(name="eval")
def eval_cmd(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSONL files.")],
    format: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    errors: Annotated[bool, typer.Option("--errors", help="Also list every miss and spurious item.")] = False,
) -> None:
    """Measure harvest quality against gold annotations: P/R/F1 per kind, speaker and role accuracy.

    Example: oogst eval tests/gold/nl.jsonl tests/gold/en.jsonl
    """
    from oogst.evaluate import evaluate, load_gold

    if format not in ("table", "json"):
        _fail(f"unknown format {format!r}; use table or json")
    report = evaluate(load_gold(gold))
    if format == "json":
        data = report.as_dict()
        if errors:
            data["errors"] = report.errors
        out.out(json.dumps(data, ensure_ascii=False, indent=2), highlight=False)
        return
    table = Table("language:kind", "precision", "recall", "F1", "exact spans", "gold")
    for key, c in sorted(report.counts.items()):
        table.add_row(key, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.exact), str(c.tp + c.fn))
    out.print(table)
    for lang in sorted(report.speaker_n):
        out.print(f"{lang}: speaker accuracy {report.speaker_accuracy(lang):.3f} "
                  f"(n={report.speaker_n[lang]}), role accuracy {report.role_accuracy(lang):.3f} "
                  f"(n={report.role_n.get(lang, 0)})", highlight=False)
    if errors:
        for e in report.errors:
            out.out(json.dumps(e, ensure_ascii=False), highlight=False)


@app.command("eval-digest")
def eval_digest_cmd(
    corpora: Annotated[list[Path], typer.Argument(help="Editorial gold corpora: folders with articles.jsonl and picks.json, or a folder of them.")],
    format: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    misses: Annotated[bool, typer.Option("--misses", help="Also list every missed pick and every digest item that is no pick.")] = False,
) -> None:
    """Measure digest quality against an editor's picks: pick precision and recall per corpus.

    Example: oogst eval-digest tests/editorial
    """
    from oogst.digest_eval import corpus_folders, evaluate_digests
    from oogst.errors import InputError

    folders = [f for c in corpora for f in corpus_folders(c)]
    if not folders:
        raise InputError(f"no editorial corpus (a folder with picks.json) in {', '.join(map(str, corpora))}")
    scores = evaluate_digests(folders)
    if format == "json":
        data = [{**s.as_dict(), **({"missed": [{"place": p.place, "lesson": p.lesson, "text": p.text} for p in s.missed],
                                    "extra": list(s.extra)} if misses else {})} for s in scores]
        out.out(json.dumps(data, ensure_ascii=False, indent=2), highlight=False)
        return
    table = Table("corpus", "precision", "recall", "picks", "digest items", "tips as tips", "lessons with tip", "placeholder titles", "titles agreeing")
    for s in scores:
        table.add_row(s.name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.found}/{s.picks}", f"{s.on_pick}/{s.items}",
                      f"{s.tips_as_tips}/{s.tips}", f"{s.lessons_with_tip}/{s.lessons}", str(s.placeholder_titles),
                      f"{s.titles_agreeing}/{s.titles}")
    out.print(table)
    if misses:
        for s in scores:
            for p in s.missed:
                out.out(json.dumps({"corpus": s.name, "missed": p.place, "lesson": p.lesson, "text": p.text}, ensure_ascii=False), highlight=False)
            for text in s.extra:
                out.out(json.dumps({"corpus": s.name, "extra": text}, ensure_ascii=False), highlight=False)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on. Anything but loopback needs OOGST_TOKEN.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    store: StoreOpt = Path("oogst.db"),
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Let URLs typed in the UI reach loopback and private-network addresses (an intranet).")] = False,
    max_upload_mb: Annotated[int, typer.Option(help="Largest upload, in MB, of all files of one upload together.")] = 50,
) -> None:
    """Run the curation web UI: add sources, make and edit digests, export them — in the browser.

    With a --host other than 127.0.0.1, set OOGST_TOKEN to a long random secret; the UI asks for it.

    Example: oogst serve --port 8000 --store oogst.db
    """
    import os

    from oogst.web import TOKEN_ENV, WebSettings
    from oogst.web import serve as run_server

    settings = WebSettings.build(store, host, port, token=os.environ.get(TOKEN_ENV),
                                 allow_private=allow_private, max_upload_bytes=max_upload_mb * 1024 * 1024)
    shown = f"[{host}]" if ":" in host else host
    out.print(f"oogst: serving {store} at http://{shown}:{port}/ (Ctrl+C stops)", highlight=False, soft_wrap=True)
    run_server(settings)


_state = {"debug": False}


@app.callback()
def _options(
    debug: Annotated[bool, typer.Option("--debug", envvar="OOGST_DEBUG",
                                        help="On an error, show the full traceback (for a bug report).")] = False,
) -> None:
    _state["debug"] = debug


def error_message(exc: BaseException) -> str:
    """One line for any error that ends a command: what went wrong and, where it helps, what to do."""
    import sqlite3

    if isinstance(exc, OogstError):
        return str(exc)
    if isinstance(exc, sqlite3.Error):
        from oogst.store import describe_error

        return describe_error(exc, None)
    if isinstance(exc, UnicodeError):
        reason = getattr(exc, "reason", "") or str(exc)
        return f"the text cannot be read as UTF-8 ({reason}); is it a text file?"
    if isinstance(exc, OSError):
        import errno
        import os

        where = f"{exc.filename}: " if exc.filename else ""
        what = exc.strerror or (os.strerror(exc.errno) if exc.errno else str(exc)) or type(exc).__name__
        if exc.errno == errno.ENOSPC:
            what = "the disk is full"
        return f"{where}{what[:1].lower()}{what[1:]}"
    if isinstance(exc, RecursionError):
        return "the input is nested too deeply to read"
    if isinstance(exc, MemoryError):
        return "out of memory: the input is too large"
    detail = str(exc).splitlines()[0][:200] if str(exc) else ""
    kind = "invalid value" if isinstance(exc, ValueError) else f"unexpected error ({type(exc).__name__})"
    return f"{kind}: {detail or type(exc).__name__} (oogst --debug … shows where; please report it)"


def main() -> None:
    """Entry point: every error becomes one line and exit code 1, never a traceback (but --debug)."""
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:
        err.print("interrupted; what was written so far is kept", highlight=False)
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # noqa: BLE001 — the one place where every error becomes a sentence
        if _state["debug"]:
            raise
        err.print(_styled("error:", "bold red", error_message(exc)), soft_wrap=True)
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":
    main()
