"""The model card: what was trained on what, how every candidate scored, and the figures the
classification issue targets, with the data each was measured on. Written next to the model."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from triage.nlp import label_heads

TARGETS = {
    ("held_out_messages", "rights_issue"): 0.80,
    ("held_out_messages", "challenge"): 0.65,
    ("upr_info", "rights_issue"): 0.70,
    ("rdr2022", "privacy_vs_expression_accuracy"): 0.85,
    ("hrdsattack", "countries_micro_f1"): 0.90,
    ("hrdsattack", "hrd_safety_recall"): 0.95,
}


def _f(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, int | float) else "–"


def render_card(
    manifest: Mapping[str, Any], metrics: Mapping[str, Any], evaluations: Mapping[str, Any]
) -> str:
    lines = [
        f"# Model card: {manifest['name']} {manifest['version']}",
        "",
        f"- Saved candidate: **{metrics['saved']}**; best on held-out messages: "
        f"**{metrics['winner']}** (rights-issue macro-F1 margin over keyword rules "
        f"{_f(metrics.get('margin_over_rules'))}).",
        f"- Taxonomy {manifest['taxonomy_version']}; scikit-learn {manifest['sklearn_version']}; "
        f"trained {manifest['trained_at']} in {metrics['train_seconds']} s.",
        "- Training rows by source: "
        + ", ".join(f"{k} {v}" for k, v in manifest["training_rows"].items())
        + f"; held out by {metrics['split']['method']}: "
        f"{metrics['split']['held_out_messages']} messages"
        + "".join(f", {n} {c}" for c, n in metrics["split"]["held_out_corpora"].items())
        + ".",
        "- Features: hashed word unigrams and bigrams, 5-letter prefixes and CJK character "
        "bigrams (TF-IDF), plus one cue per seed-term label matched (stacked candidate only). "
        "Per label: a linear SVM (logistic regression for critical), a meta model over its "
        "out-of-fold score (and, stacked, the label's seed-term hits) that calibrates it, and "
        "a threshold tuned out-of-fold."
        + (
            " The critical meta model also weighs imminence cues: how many terms say the harm "
            "is now, ask to act at once, or place it in the past or in general "
            f"(imminence.yaml {manifest['imminence_version']})."
            if manifest.get("imminence_version")
            else ""
        )
        + "".join(
            f" A second {facet.replace('_', ' ')} is kept only when its probability over its "
            f"threshold reaches {ratio:g} of the message's strongest."
            for facet, ratio in (manifest.get("secondary_ratio") or {}).items()
        ),
        "- A message goes to human review when no rights issue reaches a calibrated 0.5, its "
        "language is undetermined or not covered, its body is empty, or it was truncated.",
        "",
        "## Candidates on the held-out split (never trained on)",
        "",
        "| candidate | rights issue macro-F1 | challenge macro-F1 | rights issue by language |"
        " corpora (held-out part of train.csv) |",
        "|---|---|---|---|---|",
    ]
    for name, result in metrics["candidates"].items():
        held = result["held_out_messages"]
        rights = held.get("rights_issue", {})
        by_language = ", ".join(f"{k} {v:.2f}" for k, v in rights.get("by_language", {}).items())
        corpora = ", ".join(
            f"{c} {r['rights_issue']['macro_f1']:.2f}"
            for c, r in result["held_out_corpora"].items()
            if "rights_issue" in r
        )
        lines.append(
            f"| {name} | {_f(rights.get('macro_f1'))} | "
            f"{_f(held.get('challenge', {}).get('macro_f1'))} | {by_language} | {corpora} |"
        )
    saved = metrics["candidates"][metrics["saved"]]["held_out_messages"]
    lines += [
        "",
        "## Saved model, per label (held-out messages)",
        "",
        "| facet | label | precision | recall | F1 | support |",
        "|---|---|---|---|---|---|",
    ]
    for facet in ("rights_issue", "challenge", "critical"):
        for label, v in saved.get(facet, {}).get("labels", {}).items():
            lines.append(
                f"| {facet} | {label} | {v['precision']:.2f} | {v['recall']:.2f} | "
                f"{v['f1']:.2f} | {v['support']} |"
            )
    shifts = metrics.get("dev_shift") or {}
    if shifts:
        unshifted = metrics["candidates"][metrics["saved"]].get("held_out_messages_unshifted", {})
        lines += [
            "",
            f"Thresholds moved per facet on {metrics['split'].get('dev_messages')} development "
            "messages written apart from the training ones (never trained on), on the logit "
            "scale (positive: stricter); the table above is after the move:",
            "",
            "| facet | shift | dev macro-F1 before | after | held-out macro-F1 before | after |",
            "|---|---|---|---|---|---|",
        ]
        for facet, v in shifts.items():
            lines.append(
                f"| {facet} | {v['shift']:+.1f} | {v['macro_f1_before']:.3f} | "
                f"{v['macro_f1_after']:.3f} | "
                f"{_f(unshifted.get(facet, {}).get('macro_f1'))} | "
                f"{_f(saved.get(facet, {}).get('macro_f1'))} |"
            )
    ranking = saved.get("critical", {}).get("precision_at_recall")
    if ranking:
        error = saved.get("critical", {}).get("precision_at_recall_error") or {}
        lines += [
            "",
            "Critical, whatever the threshold: the best precision at recall "
            + ", ".join(
                f"{level} is {value:.2f}" + (f" (± {error[level]:.2f})" if level in error else "")
                for level, value in ranking.items()
            )
            + " (held-out messages; ± is the standard deviation over bootstrap resamples of"
            " them).",
        ]
    if evaluations:
        lines += [
            "",
            "## Evaluation after training (never used to train, choose or tune)",
            "",
            "`handwritten` is `data/eval/handwritten.jsonl` (240 messages in 12 languages written "
            "independently of the sample generator); the corpora are their `test.csv`.",
            "",
            "| data | figure | value | target |",
            "|---|---|---|---|",
        ]
        for data, figures in evaluations.items():
            for figure, value in figures.items():
                if isinstance(value, dict):
                    value = ", ".join(f"{k} {v:.2f}" for k, v in value.items())
                    lines.append(f"| {data} | {figure} | {value} | |")
                    continue
                target = TARGETS.get((data, figure))
                lines.append(
                    f"| {data} | {figure} | {_f(value)} | {_f(target) if target else ''} |"
                )
    targets = [(key, value) for key, value in TARGETS.items() if key[0] == "held_out_messages"]
    lines += ["", "Targets on held-out messages: "]
    lines[-1] += ", ".join(f"{k[1]} macro-F1 ≥ {v:.2f}" for k, v in targets) + "."
    lines += [
        "",
        "## Limits",
        "",
        "- The messages it learned from are the project's own: template-generated samples (five "
        "languages), messages written by hand in twelve languages by several writers "
        "(data/samples/written/), and staff labels; the held-out split comes from the same "
        "writers, so the independent handwritten set is the better guide to new mail. The "
        "corpora are real but are UN recommendations and news, not e-mail to companies. Where "
        "a language has little training text, the seed terms carry the labels.",
        "- Challenge labels are read from a sentence or two about the company's engagement "
        "inside a message about something else; they score below rights issues: treat them "
        "as suggestions.",
        "- Critical priority leans to recall by design (its threshold maximises "
        f"F{label_heads.THRESHOLD_BETA['critical']:g} out of fold): a missed detention costs "
        "more than a false alarm, so its precision is the lower figure.",
        "",
    ]
    return "\n".join(lines)
