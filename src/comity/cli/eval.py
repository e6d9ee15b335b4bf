"""``comity eval GOLD --articles DIR [--json]``: score the extractor against a gold file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from comity.cli.extract import add_settings_flags, settings_from_args


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``eval`` command."""
    p = sub.add_parser("eval", help="score extraction against a gold file",
                       description="Precision/recall/F1 of interaction and statement events "
                                   "and accuracy of date, status, location and mode.")
    p.add_argument("gold", type=Path, help="gold file (format of ../shared/seeds/gold.json)")
    p.add_argument("--articles", type=Path, required=True, help="folder of the articles")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--errors", action="store_true", help="list missed and spurious events")
    add_settings_flags(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``comity eval``."""
    from comity.evaluation_run import evaluate

    report = evaluate(args.gold, args.articles, settings_from_args(args))
    data = report.to_dict()
    if args.json:
        json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    out = sys.stdout
    out.write(f"{'kind':<12} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4}\n")
    for kind in ("interaction", "statement"):
        s = data[kind]
        out.write(f"{kind:<12} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} "
                  f"{s['tp']:>4} {s['fp']:>4} {s['fn']:>4}\n")
    out.write("\nmatched core events, accuracy:\n")
    for attr, acc in data["matched_accuracy"].items():
        n = data["matched_counts"][attr]
        out.write(f"  {attr:<9} {'-' if acc is None else f'{acc:.3f}'} (n={n})\n")
    if "clusters" in data:
        out.write("\nclusters (B-cubed over documents):\n")
        for k, v in data["clusters"].items():
            out.write(f"  {k:<9} {v:.3f}\n")
    if args.errors:
        out.write("\n")
        for e in data["errors"]:
            out.write(json.dumps(e, ensure_ascii=False) + "\n")
    return 0
