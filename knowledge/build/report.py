"""A build report as a moderator reads it."""

from __future__ import annotations

from knowledge.models import BuildReport


def format_report(report: BuildReport, verbose: bool = True) -> str:
    lines = [
        f"{len(report.added)} added, {len(report.changed)} changed, "
        f"{len(report.unchanged)} unchanged, {len(report.removed)} removed, "
        f"{len(report.failed)} failed in {report.seconds:.1f}s -> {report.db_path}"
    ]
    if verbose:
        for path, reason in report.failed:
            lines.append(f"  failed: {path}: {reason}")
        for article_id in report.removed:
            lines.append(f"  removed: {article_id}")
    return "\n".join(lines)
