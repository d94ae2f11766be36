"""The classifier triage runs: one object, loaded once, classifying batches.

It combines language detection, the place gazetteer, the rights-issue model and the keyword
rule sets into one Classification per message, with evidence and the versions that made it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from triage.core.addresses import parse_sender
from triage.core.taxonomy import Taxonomy
from triage.core.types import Classification, ClassifyInput
from triage.nlp import rights_model
from triage.nlp.gazetteer import Gazetteer, load_gazetteer
from triage.nlp.language import detect_language
from triage.nlp.persistence import LoadedModel, load_model
from triage.nlp.rules import decide_kind, decide_priority
from triage.nlp.seed_terms import SeedTermMatcher
from triage.nlp.sender_country import sender_country
from triage.nlp.text_fold import fold

RIGHTS_MODEL = "rights_issue"
ABSTAIN_BELOW = 0.35  # best rights-issue score under this: a person decides
RULES_VERSION = "rules-2026.11.1"


class Classifier:
    def __init__(
        self,
        taxonomy: Taxonomy,
        model: LoadedModel,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        self.taxonomy = taxonomy
        self.model = model
        self.classes: list[str] = list(model.manifest["classes"])
        self.threshold = float(model.manifest.get("threshold", 0.5))
        self.model_languages = set(model.manifest.get("languages", []))
        self.gazetteer = gazetteer or load_gazetteer()
        self.matchers = {
            facet: SeedTermMatcher(taxonomy, facet)
            for facet in ("rights_issue", "challenge", "priority", "kind")
        }
        self.version = f"{RIGHTS_MODEL}@{model.version}+{RULES_VERSION}"

    @classmethod
    def from_models_dir(cls, models_dir: Path, taxonomy: Taxonomy) -> Classifier:
        return cls(taxonomy, load_model(models_dir, RIGHTS_MODEL, taxonomy.version))

    def classify(
        self,
        items: Sequence[ClassifyInput],
        *,
        auto_submitted: Sequence[bool] | None = None,
        newsletter: Sequence[bool] | None = None,
    ) -> list[Classification]:
        if not items:
            return []
        texts = [
            rights_model.model_text(i.subject, i.body, self.matchers["rights_issue"]) for i in items
        ]
        scores = rights_model.predict_scores(self.model.estimator, texts)
        labels = rights_model.decide_labels(scores, self.classes, self.threshold)
        results = []
        for n, item in enumerate(items):
            results.append(
                self._one(
                    item,
                    dict(zip(self.classes, (round(float(s), 4) for s in scores[n]), strict=True)),
                    labels[n],
                    auto_submitted=bool(auto_submitted[n]) if auto_submitted else False,
                    newsletter=bool(newsletter[n]) if newsletter else False,
                )
            )
        return results

    def _one(
        self,
        item: ClassifyInput,
        scores: dict[str, float],
        rights: tuple[str, ...],
        *,
        auto_submitted: bool,
        newsletter: bool,
    ) -> Classification:
        text = f"{item.subject}\n{item.body}"
        folded = fold(text)
        reasons: list[str] = []
        guess = detect_language(item.body or item.subject)
        if not guess.reliable:
            reasons.append("language_undetermined")
        elif guess.code not in self.model_languages:
            reasons.append("language_not_covered")
        if not item.body.strip():
            reasons.append("empty_body")
        if max(scores.values(), default=0.0) < ABSTAIN_BELOW:
            reasons.append("low_confidence")

        challenge_hits = self.matchers["challenge"].match_folded(folded)
        kind_hits = self.matchers["kind"].match_folded(folded)
        priority_hits = self.matchers["priority"].match_folded(folded)
        kind = decide_kind(
            item.subject, kind_hits, auto_submitted=auto_submitted, newsletter=newsletter
        )
        if kind == "out_of_scope":
            rights = ("other",)
        priority = decide_priority(priority_hits, kind, rights)

        countries = tuple(self.gazetteer.countries_in(text))
        _, address = parse_sender(item.sender) if item.sender else ("", "")
        home, _source = sender_country(
            form_country=item.country,
            signature=item.signature or None,
            address=address or None,
            gazetteer=self.gazetteer,
        )
        regions: list[str] = []
        south: list[bool] = []
        for code in countries or ((home,) if home else ()):
            region = self.gazetteer.region(code)
            if region is None:
                continue
            south.append(region.global_south)
            for name in (region.region, region.sub_region):
                if name and name not in regions:
                    regions.append(name)
        evidence = {f"challenge:{k}": list(v) for k, v in challenge_hits.items()}
        evidence.update({f"priority:{k}": list(v) for k, v in priority_hits.items()})
        evidence.update(
            {
                f"rights_issue:{k}": list(v)
                for k, v in self.matchers["rights_issue"].match_folded(folded).items()
            }
        )
        return Classification(
            language=guess.code,
            language_confidence=round(guess.confidence, 4),
            rights_issue=rights,
            rights_issue_scores=scores,
            challenge=tuple(c for c in self.taxonomy.ids("challenge") if c in challenge_hits),
            challenge_scores={
                c: (1.0 if c in challenge_hits else 0.0) for c in self.taxonomy.ids("challenge")
            },
            countries=countries,
            sender_country=home,
            regions=tuple(regions),
            global_south=(any(south) if south else None),
            priority=priority,
            kind=kind,
            needs_review=bool(reasons),
            review_reasons=tuple(reasons),
            evidence=evidence,
            model_version=self.version,
            taxonomy_version=self.taxonomy.version,
        )
