"""The report on the session (``session``): the heartbeat and dispatch figures beside the
idle window and the empty store, then every stall over 16 ms named by the action under way,
why the heartbeat was late, the slow paints and the cycle collector's pauses."""

from __future__ import annotations

from benchmarks.ui.common import FRAME_MS
from benchmarks.ui.watch import HEARTBEAT_MS


def cause(gap: float, gui_cpu: float, other_cpu: float) -> str:
    """Why a heartbeat was late, from the CPU time used during the gap."""
    if gui_cpu >= gap / 2:
        return "GUI thread busy"
    if other_cpu >= gap / 2:
        return "worker held the GIL"
    return "not scheduled"


def stall_table(result: dict) -> list[str]:
    """Every action with a heartbeat gap or a dispatch over 16 ms, worst first."""
    slow: dict[str, list[tuple[str, str, float]]] = {}
    for action, receiver, event, ms, cpu in result["slow"]:
        slow.setdefault(action, []).append((receiver, event, ms, cpu))
    late: dict[str, list[tuple[float, float, float]]] = {}
    for action, gap, gui, other in result["late"]:
        late.setdefault(action, []).append((gap, gui, other))
    rows = []
    for action, s in result["per_action"].items():
        dispatches = slow.get(action, [])
        if s["over"] or dispatches:
            worst = max(dispatches, key=lambda d: d[2], default=None)
            where = (f"{worst[1]} → {worst[0]} {worst[2]:.0f} ms ({worst[3]:.0f} ms CPU)"
                     if worst else "–")
            gaps = sorted(late.get(action, []), reverse=True)
            why = (f"{gaps[0][1]:.0f} ms GUI CPU, {gaps[0][2]:.0f} ms other threads: "
                   f"{cause(*gaps[0])}" if gaps else "–")
            rows.append((s["max"], f"| {action} | {s['max']:.0f} ms | {why} | {s['over']} | "
                                   f"{len(dispatches)} | {where} |"))
    rows.sort(reverse=True)
    return [r for _, r in rows] or ["| (none) | | | | | |"]


def worst_action(result: dict) -> str:
    actions = result["per_action"]
    worst = max(actions, key=lambda a: actions[a]["max"], default="–")
    return f"the longest during {worst!r}"


def causes(result: dict) -> str:
    counts: dict[str, int] = {}
    for _, gap, gui, other in result["late"]:
        counts[cause(gap, gui, other)] = counts.get(cause(gap, gui, other), 0) + 1
    return ", ".join(f"{why}: {n}" for why, n in sorted(counts.items())) or "none"


def paint_table(result: dict) -> list[str]:
    widgets: dict[str, list[float]] = {}
    for _, widget, ms in result["paints"]:
        widgets.setdefault(widget, []).append(ms)
    rows = sorted(((max(v), len(v), w) for w, v in widgets.items()), reverse=True)
    return [f"| {w} | {n} | {worst:.0f} ms |" for worst, n, w in rows] or ["| (none) | | |"]


def gc_line(result: dict) -> str:
    runs = result["collections"]
    if not runs:
        return "no collection over 2 ms"
    worst = sorted(runs, key=lambda r: r[2], reverse=True)[:3]
    return (f"{len(runs)} over 2 ms, {sum(1 for r in runs if r[2] > FRAME_MS)} over 16 ms; "
            "the longest " + "; ".join(f"{ms:.0f} ms (generation {gen}, on the {thread} "
                                       f"thread, during {action!r})"
                                       for action, gen, ms, thread in worst))


def section(full_ui: dict, empty_ui: dict, platform: str, cases: int, page_downs: int,
            load: tuple[str, str]) -> list[str]:
    """The report's GUI-thread tables: the session at ``cases`` cases (``full_ui``) beside
    its idle stretch and the same session over an empty store (``empty_ui``); ``load`` is
    the machine's load average before and after the run."""
    s, i, d = full_ui["session"], full_ui["idle"], full_ui["dispatch"]
    e, c, ec = empty_ui["session"], full_ui["dispatch_cpu"], empty_ui["dispatch_cpu"]
    load_before, load_after = load
    return [
        f"## The GUI thread at {cases:,} cases",
        "",
        f"The real window ({platform}), signed in, through a scripted session: every tab, the "
        f"case list scrolled with {page_downs} Page Downs at 30/s and then Ctrl+End "
        f"to the last of {full_ui['rows_loaded']:,} rows, "
        "Ctrl+Home/Ctrl+End, four searches typed a syllable at a time (150 ms apart), "
        "every value of every filter, four case "
        "details, one complaint keyed in, saved and printed "
        f"({full_ui['intake']}). A {HEARTBEAT_MS} ms heartbeat timer measures how late it "
        "fires (the GUI thread was busy, or waited for the GIL); every top-level event "
        "dispatch is timed too.",
        "",
        "| what | longest | p99 | over 16 ms | baseline, same run | target |",
        "|---|---|---|---|---|---|",
        f"| heartbeat lateness, whole session ({s['beats']:,} beats) | {s['max']:.1f} ms | "
        f"{s['p99']:.1f} ms | {s['over']} | idle window: longest {i['max']:.1f} ms, p99 "
        f"{i['p99']:.1f} ms, {i['over']} over | none over 16 ms |",
        f"| one event dispatch ({d['count']:,}), wall time | {d['max']:.1f} ms | "
        f"{d['p99']:.2f} ms | {d['over']} | same session on an empty store: heartbeat "
        f"longest {e['max']:.1f} ms, {e['over']} over ({worst_action(empty_ui)}) | "
        "none over 16 ms |",
        f"| the same, the GUI thread's CPU time in it | {c['max']:.1f} ms | {c['p99']:.2f} ms "
        f"| {c['over']} | empty store: {ec['max']:.1f} ms, {ec['over']} over | |",
        "",
        "Actions during which the heartbeat was over 16 ms late or a dispatch took over "
        "16 ms, worst first (the worst dispatch: event → receiver):",
        "",
        "| action | longest heartbeat gap | in that gap | gaps over 16 ms | "
        "dispatches over 16 ms | worst dispatch |",
        "|---|---|---|---|---|---|",
        *stall_table(full_ui),
        "",
        f"Late heartbeats by cause (CPU time used in the gap): {causes(full_ui)}. "
        "\"Not scheduled\" means neither thread ran: the machine's other work had the "
        f"cores (load average {load_before} before the run, {load_after} after).",
        "",
        "Widgets whose paint event took over 8 ms (inside the slow frames above):",
        "",
        "| widget | paints over 8 ms | longest |",
        "|---|---|---|",
        *paint_table(full_ui),
        "",
        f"Python's cycle collector (it holds the GIL, so it stops the GUI thread "
        f"whichever thread runs it): {gc_line(full_ui)}.",
    ]
