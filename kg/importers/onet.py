"""Import the O*NET database (tab-separated text files, e.g. release 29.3) into careerkg.

IRIs live under ``https://w3id.org/careerkg/id/onet/``; the O*NET-SOC code is kept as
the role's ``skos:notation``. The mapping (see ``docs/importing.md``):

=====================================  ==================================================
O*NET                                  careerkg
=====================================  ==================================================
Occupation Data                        ``ckg:Role`` ``onet/occupation/<code>``
Sample of Reported Titles              ``skos:altLabel`` of the role (shown)
Alternate Titles                       ``skos:hiddenLabel`` of the role (searched)
Skills (2.A, 2.B) / Knowledge (2.C)    ``ckg:Skill`` ``onet/element/<id>`` (Competence /
                                       Knowledge), grouped by ``ckg:SkillArea``; a
                                       name both kinds use gets its kind in brackets
IM + LV rating pair                    ``ckg:Requirement``: importance from IM, level from
                                       LV (see :func:`map_importance`, :func:`map_level`);
                                       raw scores in ``ckg:importanceScore`` /
                                       ``ckg:levelScore``
Technology Skills                      commodity → ``ckg:Skill`` ``onet/technology/<code>``;
                                       example → ``ckg:Tool`` (``ckg:hotTechnology``),
                                       ``ckg:usesTool`` / ``ckg:supportsSkill``
UNSPSC Reference                       the commodity's class → ``ckg:SkillArea``
                                       ``onet/unspsc/<class code>``
Job Zones                              ``ckg:jobZone`` (1–5)
Education, Training, and Experience    ``ckg:typicalEducation`` (the most common RL
                                       category)
Related Occupations                    ``ckg:relatedRole`` (not a career progression)
(the crosswalk)                        curated role / skill / tool ``skos:exactMatch``
                                       the same O*NET node (merged when loaded with the
                                       curated graph), see :mod:`.onet_crosswalk`
=====================================  ==================================================

Only releases on the O*NET-SOC 2019 taxonomy (25.1 and later) are read
(:func:`check_release`).

Examples
--------
>>> map_importance(4.12), map_importance(3.0), map_importance(2.0)
('essential', 'optional', None)
>>> [map_level(v) for v in (0, 1.2, 3.5, 4.62, 7)]
[1, 2, 3, 4, 5]
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from rdflib import Namespace, URIRef

from kg.errors import InputFileError
from kg.importers.common import (
    ImportReport,
    check_version,
    find_table,
    read_tsv,
    refuse_other_taxonomy,
)
from kg.importers.onet_crosswalk import ROLE_LINKS, SKILL_LINKS, TOOL_LINKS, Link
from kg.importers.streaming import TableImport
from kg.namespace import CKG, DATA

__all__ = [
    "ESSENTIAL_MIN_IMPORTANCE",
    "FIRST_2019_RELEASE",
    "LEARNING_HOURS",
    "ONET",
    "ONET_ATTRIBUTION",
    "ONET_LICENCE",
    "ONET_MODIFIED",
    "OPTIONAL_MIN_IMPORTANCE",
    "RENAMED_RELEASE",
    "TESTED_RELEASE",
    "check_release",
    "detect_version",
    "import_onet",
    "map_importance",
    "map_level",
    "onet_attribution",
    "renamed_note",
]

ONET = Namespace(str(DATA) + "onet/")
"""Namespace of the imported O*NET nodes."""

ONET_LICENCE = "https://creativecommons.org/licenses/by/4.0/"


def onet_attribution(version: str = "29.3") -> str:
    """The attribution line O*NET asks for (CC BY 4.0).

    Examples
    --------
    >>> onet_attribution("29.3")[:55]
    'This product includes information from the O*NET 29.3 D'
    """
    return (
        f"This product includes information from the O*NET {version} Database by the U.S. Department "
        "of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
        "license. O*NET® is a trademark of USDOL/ETA."
    )


ONET_ATTRIBUTION = onet_attribution("29.3")
ONET_MODIFIED = (
    "careerkg has modified all or some of this information. USDOL/ETA has not approved, endorsed, "
    "or tested these modifications."
)

ESSENTIAL_MIN_IMPORTANCE = 3.5
"""IM ≥ 3.5 (between "important" and "very important") makes a requirement essential."""
OPTIONAL_MIN_IMPORTANCE = 2.5
"""2.5 ≤ IM < 3.5 makes it optional; below 2.5 the rating is not a requirement."""

LEARNING_HOURS = {"knowledge": 100, "skill": 80, "technology": 40}
"""Default ``ckg:learningHours`` of O*NET knowledge areas, skills and technology skills."""

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_DCT = "http://purl.org/dc/terms/"

_CODE_RE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")


def map_importance(im: float) -> str | None:
    """Map an O*NET importance (IM, 1–5) to ``"essential"``, ``"optional"`` or ``None``.

    Examples
    --------
    >>> map_importance(3.5), map_importance(2.5), map_importance(2.49)
    ('essential', 'optional', None)
    """
    if im >= ESSENTIAL_MIN_IMPORTANCE:
        return "essential"
    if im >= OPTIONAL_MIN_IMPORTANCE:
        return "optional"
    return None


def map_level(lv: float) -> int:
    """Map an O*NET level (LV, 0–7) linearly onto careerkg's 1–5: ``1 + round(lv * 4 / 7)``.

    Examples
    --------
    >>> map_level(0), map_level(1.75), map_level(3.5), map_level(5.25), map_level(7)
    (1, 2, 3, 4, 5)
    """
    return max(1, min(5, 1 + round(lv * 4 / 7)))


def _slug(text: str) -> str:
    s = text.lower().replace("+", " plus ").replace("#", " sharp ")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


class _OnetImport(TableImport):
    TITLE, SLUG, VERSION_MARK = "O*NET", "onet", ""

    def __init__(self, directory: Path, out: IO[str], version: str, show_progress: bool | None) -> None:
        super().__init__(directory, out, version, show_progress)
        self.occupations: dict[str, str] = {}  # code -> IRI
        self.elements: dict[str, str] = {}  # element id -> IRI
        self.areas: set[str] = set()
        self.content: dict[str, tuple[str, str]] = {}  # element id -> (name, description)
        self.titles: dict[str, str] = {}  # code -> title
        self.names: dict[str, str] = {}  # rated element id -> its name in the ratings
        self.pairs: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)  # (code, element) -> scores

    def rows(self, name: str, required: list[str], *, optional: bool = True) -> Iterator[dict[str, str]]:
        return self.table([name], required, read_tsv, optional=optional)

    def occ(self, code: str) -> str | None:
        code = code.strip()
        iri = self.occupations.get(code)
        return iri

    def crosswalk(self, link: Link | None, title: str, iri: str) -> None:
        """Link the curated node ``link`` names to the O*NET node ``iri`` (called ``title``)."""
        if link is None or not link.applies(title):
            return
        self.w.iri(str(link.curated), str(link.relation), iri)
        self.report.link(str(link.relation).rsplit("#", 1)[-1])

    def source(self) -> None:
        v = self.version if self.version != "unknown" else ""
        self.describe_source(
            title=f"O*NET {v} Database" if v else "O*NET Database",
            publisher=(
                "National Center for O*NET Development for the U.S. Department of Labor, "
                "Employment and Training Administration (USDOL/ETA)"
            ),
            url="https://www.onetcenter.org/database.html",
            licence=ONET_LICENCE,
            rights=onet_attribution(v) + " " + ONET_MODIFIED,
            citation=onet_attribution(v),
            description=(
                "O*NET occupations, skills, knowledge, technology skills, job zones, education and related "
                "occupations, imported by careerkg into its own ontology: importance (IM 1-5) and level "
                "(LV 0-7) ratings are mapped to essential/optional requirements with levels 1-5, and default "
                "learning hours are added as estimates."
            ),
        )

    def occupation_list(self) -> None:
        w, r = self.w, self.report
        for row in self.rows("Occupation Data.txt", ["O*NET-SOC Code", "Title"], optional=False):
            code = row["O*NET-SOC Code"].strip()
            if not _CODE_RE.match(code):
                r.quirk("odd-code", "O*NET-SOC codes not shaped NN-NNNN.NN (kept as text)", code)
            if not code or code in self.occupations:
                r.quirk("duplicate-occupation", "occupations listed twice or without a code (skipped)", code)
                continue
            iri = str(ONET[f"occupation/{code}"])
            self.occupations[code] = iri
            self.titles[code] = row["Title"].strip()
            w.iri(iri, _RDF_TYPE, str(CKG.Role))
            w.literal(iri, _SKOS + "prefLabel", row["Title"].strip(), lang="en")
            if row.get("Description", "").strip():
                w.literal(iri, _SKOS + "definition", row["Description"].strip(), lang="en")
            w.literal(iri, _SKOS + "notation", code)
            w.iri(iri, _DCT + "source", self.src)
            r.node("Role")
            self.crosswalk(ROLE_LINKS.get(code), row["Title"], iri)

    def titles_of(self, table: str, column: str, predicate: str, seen: set[tuple[str, str]]) -> None:
        """Write the job titles of ``table`` as ``predicate`` labels, each title of an occupation once."""
        w, r = self.w, self.report
        for row in self.rows(table, ["O*NET-SOC Code", column]):
            iri = self.occ(row["O*NET-SOC Code"])
            title = row[column].strip()
            if iri is None:
                r.quirk(
                    "dangling-occupation",
                    "rows naming an occupation not in Occupation Data (skipped)",
                    row["O*NET-SOC Code"],
                )
                continue
            key = (iri, title.casefold())
            if not title or key in seen:
                continue
            seen.add(key)
            w.literal(iri, _SKOS + predicate, title, lang="en")
            r.link(predicate)

    def alternate_titles(self) -> None:
        """Reported titles are shown (``skos:altLabel``), alternate titles only searched.

        O*NET shows an occupation's *Sample of Reported Titles* (about ten, the names its
        workers give it) and uses its *Alternate Titles* (56,560, from job postings among
        others, many naming other jobs: Data Scientists lists "Machine Learning Engineer")
        for search: ``skos:hiddenLabel``, which finds the occupation by name but is not
        shown as what it is also called.
        """
        seen = {(iri, self.titles[code].casefold()) for code, iri in self.occupations.items()}
        self.titles_of("Sample of Reported Titles.txt", "Reported Job Title", "altLabel", seen)
        self.titles_of("Alternate Titles.txt", "Alternate Title", "hiddenLabel", seen)

    def content_model(self) -> None:
        for row in self.rows("Content Model Reference.txt", ["Element ID", "Element Name"]):
            self.content[row["Element ID"].strip()] = (
                row["Element Name"].strip(),
                row.get("Description", "").strip(),
            )

    def area(self, element_id: str) -> str | None:
        parent = element_id.rsplit(".", 1)[0] if "." in element_id else ""
        if not parent or parent not in self.content:
            return None
        iri = str(ONET[f"element/{parent}"])
        if iri not in self.areas:
            self.areas.add(iri)
            name, desc = self.content[parent]
            w = self.w
            w.iri(iri, _RDF_TYPE, str(CKG.SkillArea))
            w.literal(iri, _SKOS + "prefLabel", name, lang="en")
            if desc:
                w.literal(iri, _SKOS + "definition", desc, lang="en")
            w.literal(iri, _SKOS + "notation", parent)
            w.iri(iri, _DCT + "source", self.src)
            self.report.node("SkillArea")
        return iri

    def element(self, element_id: str, name: str, shared: set[str]) -> str:
        """Write the skill of the content-model element ``element_id``.

        A name that a skill element and a knowledge element share (O*NET's skill
        *Mathematics*, "using mathematics to solve problems", and its knowledge area
        *Mathematics*) gets the element's kind in brackets, so that plans and lists tell
        them apart; the bare name stays an alt label.
        """
        iri = str(ONET[f"element/{element_id}"])
        self.elements[element_id] = iri
        knowledge = element_id.startswith("2.C")
        w = self.w
        w.iri(iri, _RDF_TYPE, str(CKG.Skill))
        w.iri(iri, str(CKG.skillType), str(CKG.Knowledge if knowledge else CKG.Competence))
        label, desc = self.content.get(element_id, (name, ""))
        label = label or name
        if label.casefold() in shared:
            w.literal(
                iri, _SKOS + "prefLabel", f"{label} ({'knowledge' if knowledge else 'skill'})", lang="en"
            )
            w.literal(iri, _SKOS + "altLabel", label, lang="en")
            self.report.quirk(
                "shared-element-name",
                "names of both a skill and a knowledge element (labelled 'NAME (skill)' / "
                "'NAME (knowledge)', the bare name kept as an alt label)",
                label,
            )
        else:
            w.literal(iri, _SKOS + "prefLabel", label, lang="en")
        if desc:
            w.literal(iri, _SKOS + "definition", desc, lang="en")
        w.literal(iri, _SKOS + "notation", element_id)
        w.decimal(iri, str(CKG.learningHours), LEARNING_HOURS["knowledge" if knowledge else "skill"])
        w.boolean(iri, str(CKG.isEstimate), True)
        w.iri(iri, _DCT + "source", self.src)
        area = self.area(element_id)
        if area:
            w.iri(iri, str(CKG.inSkillArea), area)
            w.iri(iri, _SKOS + "broader", area)
            self.report.link("inSkillArea")
        self.report.node("Skill")
        self.report.node("Skill/Knowledge" if knowledge else "Skill/Competence")
        self.crosswalk(SKILL_LINKS.get(element_id), label, iri)
        return iri

    def ratings(self, table: str) -> None:
        """Read the IM and LV ratings of ``table`` (``Skills``, ``Knowledge``)."""
        r = self.report
        pairs, names = self.pairs, self.names
        for row in self.rows(table, ["O*NET-SOC Code", "Element ID", "Scale ID", "Data Value"]):
            code, eid = row["O*NET-SOC Code"].strip(), row["Element ID"].strip()
            scale = row["Scale ID"].strip()
            value = _float(row["Data Value"])
            r.rows[f"{table.rsplit('.', 1)[0]}/{scale}"] += 1
            if value is None:
                r.quirk("bad-value", "ratings whose Data Value is not a number (skipped)", f"{code} {eid}")
                continue
            if code not in self.occupations:
                r.quirk(
                    "dangling-occupation", "rows naming an occupation not in Occupation Data (skipped)", code
                )
                continue
            names.setdefault(eid, row.get("Element Name", "").strip())
            pairs[(code, eid)][scale] = value
            if row.get("Recommend Suppress", "").strip() == "Y":
                r.quirk(
                    "low-precision-ratings",
                    "ratings flagged Recommend Suppress (used, kept as scores)",
                    f"{code} {eid} {scale}",
                )
            if row.get("Not Relevant", "").strip() == "Y":
                pairs[(code, eid)]["NR"] = 1.0

    def requirements(self) -> None:
        """Write the rated elements as skills and the rating pairs as requirements."""
        r, w = self.report, self.w
        kinds: dict[str, set[bool]] = defaultdict(set)
        for eid, name in self.names.items():
            label = self.content.get(eid, (name, ""))[0] or name
            kinds[label.casefold()].add(eid.startswith("2.C"))
        shared = {label for label, kind in kinds.items() if len(kind) > 1}
        for eid in sorted(self.names):
            self.element(eid, self.names[eid], shared)
        n = r.classes["Requirement"]
        for (code, eid), scores in sorted(self.pairs.items()):
            im, lv = scores.get("IM"), scores.get("LV")
            if im is None:
                r.quirk("missing-importance", "rating pairs without an IM row (skipped)", f"{code} {eid}")
                continue
            importance = map_importance(im)
            if importance is None or scores.get("NR"):
                r.notes["ratings below the requirement threshold or not relevant"] += 1
                continue
            level = map_level(lv) if lv is not None else (3 if importance == "essential" else 2)
            occ, skill = self.occupations[code], self.elements[eid]
            n += 1
            q = f"_:o{n}"
            w.iri(occ, str(CKG.hasRequirement), q)
            w.iri(q, _RDF_TYPE, str(CKG.Requirement))
            w.iri(q, str(CKG.requiredSkill), skill)
            w.iri(q, str(CKG.importance), str(CKG.Essential if importance == "essential" else CKG.Optional))
            w.integer(q, str(CKG.level), level)
            w.iri(q, _DCT + "source", self.src)  # the rating's provenance, as the shapes ask
            w.decimal(q, str(CKG.importanceScore), im)
            if lv is not None:
                w.decimal(q, str(CKG.levelScore), lv)
            w.iri(occ, str(CKG.requiresSkill), skill)
            r.link("requiresSkill")
            r.link(f"requiresSkill/{importance}")
        r.classes["Requirement"] = n
        rated = {code for code, _ in self.pairs}
        for code in sorted(set(self.occupations) - rated):
            r.quirk(
                "unrated-occupations",
                "occupations this release gives no skill or knowledge ratings (no requirements: a path "
                "to one has nothing to plan, a path from one starts from scratch)",
                f"{code} {self.titles[code]}",
            )

    def unspsc_classes(self) -> dict[str, tuple[str, str]]:
        """``{commodity code: (class code, class title)}`` from ``UNSPSC Reference``, if present."""
        classes: dict[str, tuple[str, str]] = {}
        for row in self.rows("UNSPSC Reference.txt", ["Commodity Code", "Class Code", "Class Title"]):
            code, title = row["Class Code"].strip(), row["Class Title"].strip()
            if code and title:
                classes[row["Commodity Code"].strip()] = (code, title)
        return classes

    def concept(self, iri: str, cls: URIRef, label: str, notation: str, definition: str) -> None:
        """Write a node O*NET codes: its class, label, code, definition and source."""
        w = self.w
        w.iri(iri, _RDF_TYPE, str(cls))
        w.literal(iri, _SKOS + "prefLabel", label, lang="en")
        w.literal(iri, _SKOS + "notation", notation)
        w.literal(iri, _SKOS + "definition", definition, lang="en")
        w.iri(iri, _DCT + "source", self.src)

    def technology_area(self, class_code: str, title: str) -> str:
        """The skill area of the technology skills of one UNSPSC class (written once)."""
        iri = str(ONET[f"unspsc/{class_code}"])
        if iri not in self.areas:
            self.areas.add(iri)
            self.concept(
                iri,
                CKG.SkillArea,
                title,
                class_code,
                f"O*NET technology skills of the UNSPSC class {class_code}, {title}.",
            )
            self.report.node("SkillArea")
        return iri

    def technology(self) -> None:
        w, r = self.w, self.report
        classes = self.unspsc_classes()
        tools: dict[str, str] = {}  # example label -> IRI
        slugs: dict[str, str] = {}
        skills: dict[str, str] = {}
        hot: set[str] = set()
        supports: set[tuple[str, str]] = set()
        uses: set[tuple[str, str]] = set()
        for row in self.rows("Technology Skills.txt", ["O*NET-SOC Code", "Example", "Commodity Code"]):
            occ = self.occ(row["O*NET-SOC Code"])
            if occ is None:
                r.quirk(
                    "dangling-occupation",
                    "rows naming an occupation not in Occupation Data (skipped)",
                    row["O*NET-SOC Code"],
                )
                continue
            example = row["Example"].strip()
            commodity = row["Commodity Code"].strip()
            if not example or not commodity:
                r.quirk(
                    "empty-technology",
                    "technology rows without an example or commodity (skipped)",
                    row["O*NET-SOC Code"],
                )
                continue
            skill = skills.get(commodity)
            if skill is None:
                skill = skills[commodity] = str(ONET[f"technology/{commodity}"])
                title = row.get("Commodity Title", "").strip() or commodity
                self.concept(
                    skill,
                    CKG.Skill,
                    title,
                    commodity,
                    f"Using {title.lower()} (O*NET technology skill, UNSPSC commodity {commodity}).",
                )
                w.iri(skill, str(CKG.skillType), str(CKG.Competence))
                w.decimal(skill, str(CKG.learningHours), LEARNING_HOURS["technology"])
                w.boolean(skill, str(CKG.isEstimate), True)
                r.node("Skill")
                r.node("Skill/Competence")
                if commodity in classes:
                    area = self.technology_area(*classes[commodity])
                    w.iri(skill, str(CKG.inSkillArea), area)
                    w.iri(skill, _SKOS + "broader", area)
                    r.link("inSkillArea")
            key = example.casefold()
            tool = tools.get(key)
            if tool is None:
                slug = _slug(example)
                if slug in slugs and slugs[slug] != key:
                    slug += "-" + hashlib.sha1(key.encode()).hexdigest()[:6]
                slugs[slug] = key
                tool = tools[key] = str(ONET[f"tool/{slug}"])
                w.iri(tool, _RDF_TYPE, str(CKG.Tool))
                w.literal(tool, _SKOS + "prefLabel", example, lang="en")
                w.iri(tool, _DCT + "source", self.src)
                r.node("Tool")
                self.crosswalk(TOOL_LINKS.get(key), example, tool)
            if (tool, skill) not in supports:
                supports.add((tool, skill))
                w.iri(tool, str(CKG.supportsSkill), skill)
                r.link("supportsSkill")
            if (occ, tool) not in uses:
                uses.add((occ, tool))
                w.iri(occ, str(CKG.usesTool), tool)
                r.link("usesTool")
            if row.get("Hot Technology", "").strip() == "Y":
                r.notes["technology rows flagged Hot Technology"] += 1
                hot.add(tool)
            if row.get("In Demand", "").strip() == "Y":
                r.notes["technology rows flagged In Demand"] += 1
        for tool in sorted(set(tools.values())):
            w.boolean(tool, str(CKG.hotTechnology), tool in hot)
        r.notes["tools flagged hot technology"] += len(hot)

    def job_zones(self) -> None:
        w, r = self.w, self.report
        for row in self.rows("Job Zones.txt", ["O*NET-SOC Code", "Job Zone"]):
            occ = self.occ(row["O*NET-SOC Code"])
            zone = _float(row["Job Zone"])
            if occ is None or zone is None or not 1 <= zone <= 5:
                r.quirk(
                    "bad-job-zone",
                    "job-zone rows with an unknown occupation or a zone outside 1-5 (skipped)",
                    row["O*NET-SOC Code"],
                )
                continue
            w.integer(occ, str(CKG.jobZone), int(zone))
            r.link("jobZone")

    def education(self) -> None:
        w, r = self.w, self.report
        labels: dict[str, str] = {}
        for row in self.rows("Education, Training, and Experience Categories.txt", ["Scale ID", "Category"]):
            if row["Scale ID"].strip() == "RL":
                labels[row["Category"].strip()] = row.get("Category Description", "").strip()
        best: dict[str, tuple[float, int]] = {}
        for row in self.rows(
            "Education, Training, and Experience.txt",
            ["O*NET-SOC Code", "Scale ID", "Category", "Data Value"],
        ):
            if row["Scale ID"].strip() != "RL":
                continue
            code = row["O*NET-SOC Code"].strip()
            value, cat = _float(row["Data Value"]), _float(row["Category"])
            if code not in self.occupations or value is None or cat is None:
                r.quirk(
                    "bad-education-row",
                    "education rows with an unknown occupation or bad numbers (skipped)",
                    code,
                )
                continue
            # the most common category; ties go to the lower level
            if code not in best or (value, -cat) > (best[code][0], -best[code][1]):
                best[code] = (value, int(cat))
        for code, (_, cat) in sorted(best.items()):
            label = labels.get(str(cat), f"education level {cat}")
            w.literal(self.occupations[code], str(CKG.typicalEducation), label, lang="en")
            r.link("typicalEducation")

    def related(self) -> None:
        w, r = self.w, self.report
        for row in self.rows("Related Occupations.txt", ["O*NET-SOC Code", "Related O*NET-SOC Code"]):
            a, b = self.occ(row["O*NET-SOC Code"]), self.occ(row["Related O*NET-SOC Code"])
            if a is None or b is None:
                r.quirk(
                    "dangling-occupation",
                    "rows naming an occupation not in Occupation Data (skipped)",
                    row["Related O*NET-SOC Code"],
                )
                continue
            w.iri(a, str(CKG.relatedRole), b)
            r.link("relatedRole")

    def run(self) -> ImportReport:
        return self.run_steps(
            [
                self.source,
                self.occupation_list,
                self.alternate_titles,
                self.content_model,
                lambda: self.ratings("Skills.txt"),
                lambda: self.ratings("Knowledge.txt"),
                self.requirements,
                self.technology,
                self.job_zones,
                self.education,
                self.related,
            ]
        )


def detect_version(directory: Path) -> str | None:
    """The O*NET release, from ``Read Me.txt`` ("O*NET 29.3 Database") or the folder name
    (``29.3``, ``v29.3``, or ``db_29_3_text`` as O*NET's zip unpacks).

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()) / "29.3"
    >>> d.mkdir()
    >>> detect_version(d)
    '29.3'
    >>> official = d.rename(d.with_name("db_28_1_text"))
    >>> detect_version(official)
    '28.1'
    """
    readme = find_table(directory, ["Read Me.txt"], required=False)
    if readme is not None:
        m = re.search(r"O\*NET\s+(\d+\.\d+)\s+Database", readme.read_text(encoding="utf-8", errors="replace"))
        if m:
            return m.group(1)
    for part in reversed(Path(directory).resolve().parts):
        if re.fullmatch(r"v?\d+\.\d+", part):
            return part.lstrip("v")
        m = re.fullmatch(r"db_(\d+)_(\d+)_text", part)
        if m:
            return f"{m.group(1)}.{m.group(2)}"
    return None


FIRST_2019_RELEASE = (25, 1)
"""The first release on the O*NET-SOC 2019 taxonomy (November 2020); earlier ones use 2010 codes."""
RENAMED_RELEASE = (30, 3)
"""The release that renamed the text files and reorganised the content model."""
TESTED_RELEASE = "29.3"
_DOWNLOAD = "https://www.onetcenter.org/database.html"
_SKILL_TABLES = ("Skills.txt", "Knowledge.txt", "Technology Skills.txt")


def _release(version: str | None) -> tuple[int, int] | None:
    """``(major, minor)`` of a release name such as ``29.3`` or ``v29.3-rc_1``, if it has one.

    Examples
    --------
    >>> _release("29.3"), _release("v25.1-rc_1"), _release("latest")
    ((29, 3), (25, 1), None)
    """
    m = re.match(r"v?(\d+)\.(\d+)", version or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def check_release(directory: Path, version: str | None) -> None:
    """Refuse a folder careerkg cannot import as an O*NET-SOC 2019 release, saying what would do.

    ``version`` is the release the folder states (:func:`detect_version`) or the one
    given. Refused: a release before 25.1 (O*NET-SOC 2010 codes, which name other
    occupations than 2019's under the same IRIs and crosswalk); a release from 30.3 on
    without the 29.x file names; a folder holding none of the tables that give
    occupations their skills.

    Raises
    ------
    InputFileError
        Naming the release or the missing tables, and where to get a release that works.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "Occupation Data.txt").write_text("O*NET-SOC Code\\tTitle\\n")
    >>> check_release(d, "20.3")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.InputFileError: ...: O*NET 20.3 codes occupations in the O*NET-SOC 2010 taxonomy; careerkg imports ...
    """
    release = _release(version)
    renamed = release is not None and release >= RENAMED_RELEASE
    try:
        find_table(directory, ["Occupation Data.txt"])
    except InputFileError as err:
        if not renamed:
            raise
        raise InputFileError(err.path, f"{err.reason}. {renamed_note(version)}") from None
    if release is not None and release < FIRST_2019_RELEASE:
        raise InputFileError(
            str(directory),
            f"O*NET {version} codes occupations in the O*NET-SOC 2010 taxonomy; careerkg imports "
            "releases on the O*NET-SOC 2019 taxonomy, 25.1 (November 2020) or later, whose codes its "
            f"IRIs and crosswalk use: take the text files of a current release (e.g. {TESTED_RELEASE}) "
            f"from {_DOWNLOAD}",
        )
    if not any(find_table(directory, [name], required=False) for name in _SKILL_TABLES):
        raise InputFileError(
            str(directory),
            "this folder holds Occupation Data.txt but none of "
            + ", ".join(_SKILL_TABLES)
            + " (plain or .gz), so the occupations would get no skills; "
            + (
                renamed_note(version)
                if renamed
                else "point at the folder of the whole O*NET text release "
                f"(db_{TESTED_RELEASE.replace('.', '_')}_text from {_DOWNLOAD})"
            ),
        )


def renamed_note(version: str | None) -> str:
    """What to say of a release from 30.3 on, whose files careerkg may not find.

    Examples
    --------
    >>> renamed_note("30.3")[:55]
    'O*NET 30.3 renamed its text files and reorganised the c'
    """
    return (
        f"O*NET {version} renamed its text files and reorganised the content model (O*NET's migration "
        f"reference lists the new names); careerkg reads the file layout of releases 25.1 to 30.2 "
        f"(tested on {TESTED_RELEASE}): import one of those, from {_DOWNLOAD} or its Database Releases "
        "Archive"
    )


def import_onet(
    directory: str | Path,
    out: IO[str],
    *,
    version: str | None = None,
    show_progress: bool | None = None,
) -> ImportReport:
    """Read O*NET text files from ``directory`` and write N-Triples to ``out``.

    ``Occupation Data.txt`` is required, and one at least of ``Skills``,
    ``Knowledge`` and ``Technology Skills``; every other table (``Job Zones``,
    ``Education, Training, and Experience`` (+ ``Categories``), ``Related
    Occupations``, ``Alternate Titles``, ``Content Model Reference``, ``UNSPSC
    Reference``) is used when present, plain or ``.gz``. Links from careerkg's curated
    roles, skills and tools to the same O*NET nodes come with it
    (:mod:`kg.importers.onet_crosswalk`).

    Parameters
    ----------
    directory : str or Path
        The folder of the text release (the unpacked ``db_29_3_text.zip``).
    out : text stream
        Where the N-Triples go.
    version : str, optional
        The release, for the provenance node (default: from ``Read Me.txt`` or the
        folder name).
    show_progress : bool, optional
        Progress bars on stderr (default: when stderr is a terminal).

    Returns
    -------
    ImportReport
        Counts per class and relation, quirks met, the attribution to show.

    Raises
    ------
    InputFileError
        When ``directory`` is not a folder or holds ESCO files, a required table or
        column is missing, a table sits in two sub-folders (two releases side by
        side), a file is truncated, or the release is not one careerkg reads
        (:func:`check_release`).

    Examples
    --------
    >>> import io, tempfile
    >>> d = Path(tempfile.mkdtemp()) / "db_29_3_text"
    >>> d.mkdir()
    >>> _ = (d / "Occupation Data.txt").write_text(
    ...     "O*NET-SOC Code\\tTitle\\tDescription\\n15-2051.00\\tData Scientists\\tAnalyse data.\\n")
    >>> _ = (d / "Technology Skills.txt").write_text(
    ...     "O*NET-SOC Code\\tTitle\\tExample\\tCommodity Code\\tCommodity Title\\tHot Technology\\n"
    ...     "15-2051.00\\tData Scientists\\tPyTorch\\t43232605\\tAnalytical or scientific software\\tY\\n")
    >>> report = import_onet(d, io.StringIO(), show_progress=False)
    >>> report.source, report.classes["Role"], report.classes["Tool"], report.relations["exactMatch"]
    ('O*NET 29.3', 1, 1, 2)
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise InputFileError(str(directory), "not a folder; point at the folder holding the O*NET text files")
    refuse_other_taxonomy(directory, "onet")
    detected = detect_version(directory)
    check_release(directory, detected or version)
    version = check_version(version) if version else detected or "unknown"
    job = _OnetImport(directory, out, version, show_progress)
    release = _release(detected or version)
    if release is not None and release >= RENAMED_RELEASE:  # some tables may go unfound
        job.report.quirk("renamed-release", renamed_note(detected or version), "see the absent-table notes")
    return job.run()
