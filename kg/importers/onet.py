"""Import the O*NET database (tab-separated text files, e.g. release 29.3) into careerkg.

IRIs live under ``https://w3id.org/careerkg/id/onet/``; the O*NET-SOC code is kept as
the role's ``skos:notation``. The mapping (see ``docs/importing.md``):

=====================================  ==================================================
O*NET                                  careerkg
=====================================  ==================================================
Occupation Data                        ``ckg:Role`` ``onet/occupation/<code>``
Alternate Titles                       ``skos:altLabel`` of the role
Skills (2.A, 2.B) / Knowledge (2.C)    ``ckg:Skill`` ``onet/element/<id>`` (Competence /
                                       Knowledge), grouped by ``ckg:SkillArea``
IM + LV rating pair                    ``ckg:Requirement``: importance from IM, level from
                                       LV (see :func:`map_importance`, :func:`map_level`);
                                       raw scores in ``ckg:importanceScore`` /
                                       ``ckg:levelScore``
Technology Skills                      commodity → ``ckg:Skill`` ``onet/technology/<code>``;
                                       example → ``ckg:Tool`` (``ckg:hotTechnology``),
                                       ``ckg:usesTool`` / ``ckg:supportsSkill``
Job Zones                              ``ckg:jobZone`` (1–5)
Education, Training, and Experience    ``ckg:typicalEducation`` (the most common RL
                                       category)
Related Occupations                    ``ckg:relatedRole`` (not a career progression)
=====================================  ==================================================

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
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from rdflib import Namespace

from kg.errors import InputFileError
from kg.importers.common import (
    NO_FINAL_LINE_END,
    ImportReport,
    NTriplesWriter,
    check_version,
    find_table,
    progress,
    read_tsv,
    refuse_other_taxonomy,
    unterminated,
)
from kg.namespace import CKG, DATA, SRC

__all__ = [
    "ESSENTIAL_MIN_IMPORTANCE",
    "LEARNING_HOURS",
    "ONET",
    "ONET_ATTRIBUTION",
    "ONET_LICENCE",
    "ONET_MODIFIED",
    "OPTIONAL_MIN_IMPORTANCE",
    "import_onet",
    "map_importance",
    "map_level",
    "onet_attribution",
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
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_DCT = "http://purl.org/dc/terms/"
_SCHEMA = "https://schema.org/"
_DCAT = "http://www.w3.org/ns/dcat#"

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


class _OnetImport:
    def __init__(self, directory: Path, out: IO[str], version: str, show_progress: bool | None) -> None:
        self.dir = directory
        self.w = NTriplesWriter(out)
        self.version = version
        self.show = show_progress
        self.report = ImportReport(f"O*NET {version}" if version != "unknown" else "O*NET")
        self.src = str(SRC[f"onet-{version}" if version != "unknown" else "onet"])
        self.report.source_iri = self.src
        self.occupations: dict[str, str] = {}  # code -> IRI
        self.elements: dict[str, str] = {}  # element id -> IRI
        self.areas: set[str] = set()
        self.content: dict[str, tuple[str, str]] = {}  # element id -> (name, description)

    def rows(self, name: str, required: list[str], *, optional: bool = True) -> Iterator[dict[str, str]]:
        path = find_table(self.dir, [name], required=not optional)
        if path is None:
            self.report.notes[f"absent optional table {name}"] += 1
            return
        if path.name.lower().endswith(".gz"):
            self.report.quirk("gzip-input", "source tables read from gzip files", path.name)
        key = name.rsplit(".", 1)[0]
        for row in progress(read_tsv(path, required), key, enabled=self.show):
            self.report.rows[key] += 1
            yield row
        if unterminated(path):
            self.report.quirk("no-final-line-end", NO_FINAL_LINE_END, path.name)

    def occ(self, code: str) -> str | None:
        code = code.strip()
        iri = self.occupations.get(code)
        return iri

    def source(self) -> None:
        w, s, v = self.w, self.src, self.version
        title = f"O*NET {v} Database" if v != "unknown" else "O*NET Database"
        w.iri(s, _RDF_TYPE, str(CKG.SourceDocument))
        w.iri(s, _RDF_TYPE, _DCAT + "Dataset")
        w.literal(s, _RDFS + "label", title, lang="en")
        w.literal(s, _DCT + "title", title, lang="en")
        w.literal(
            s,
            _DCT + "publisher",
            "National Center for O*NET Development for the U.S. Department of Labor, "
            "Employment and Training Administration (USDOL/ETA)",
        )
        if v != "unknown":
            w.literal(s, _DCT + "hasVersion", v)
        w.iri(s, _SCHEMA + "url", "https://www.onetcenter.org/database.html")
        w.iri(s, _DCT + "license", ONET_LICENCE)
        rights = onet_attribution(v if v != "unknown" else "") + " " + ONET_MODIFIED
        w.literal(s, _DCT + "rights", rights, lang="en")
        self.report.attribution = rights
        w.literal(s, _DCT + "bibliographicCitation", onet_attribution(v if v != "unknown" else ""), lang="en")
        w.literal(
            s,
            _DCT + "description",
            "O*NET occupations, skills, knowledge, technology skills, job zones, education and related "
            "occupations, imported by careerkg into its own ontology: importance (IM 1-5) and level "
            "(LV 0-7) ratings are mapped to essential/optional requirements with levels 1-5, and default "
            "learning hours are added as estimates.",
            lang="en",
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
            w.iri(iri, _RDF_TYPE, str(CKG.Role))
            w.literal(iri, _SKOS + "prefLabel", row["Title"].strip(), lang="en")
            if row.get("Description", "").strip():
                w.literal(iri, _SKOS + "definition", row["Description"].strip(), lang="en")
            w.literal(iri, _SKOS + "notation", code)
            w.iri(iri, _DCT + "source", self.src)
            r.node("Role")

    def alternate_titles(self) -> None:
        w, r = self.w, self.report
        seen: set[tuple[str, str]] = set()
        for row in self.rows("Alternate Titles.txt", ["O*NET-SOC Code", "Alternate Title"]):
            iri = self.occ(row["O*NET-SOC Code"])
            title = row["Alternate Title"].strip()
            if iri is None:
                r.quirk(
                    "dangling-occupation",
                    "rows naming an occupation not in Occupation Data (skipped)",
                    row["O*NET-SOC Code"],
                )
                continue
            key = (iri, title.casefold())
            if not title or key in seen or title == row.get("Title", "").strip():
                continue
            seen.add(key)
            w.literal(iri, _SKOS + "altLabel", title, lang="en")
            r.link("altLabel")

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

    def element(self, element_id: str, name: str) -> str:
        iri = self.elements.get(element_id)
        if iri is not None:
            return iri
        iri = str(ONET[f"element/{element_id}"])
        self.elements[element_id] = iri
        knowledge = element_id.startswith("2.C")
        w = self.w
        w.iri(iri, _RDF_TYPE, str(CKG.Skill))
        w.iri(iri, str(CKG.skillType), str(CKG.Knowledge if knowledge else CKG.Competence))
        label, desc = self.content.get(element_id, (name, ""))
        w.literal(iri, _SKOS + "prefLabel", label or name, lang="en")
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
        return iri

    def ratings(self, table: str) -> None:
        r = self.report
        pairs: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
        names: dict[str, str] = {}
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
        w = self.w
        for eid in sorted(names):
            self.element(eid, names[eid])
        n = r.classes["Requirement"]
        for (code, eid), scores in sorted(pairs.items()):
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
            w.decimal(q, str(CKG.importanceScore), im)
            if lv is not None:
                w.decimal(q, str(CKG.levelScore), lv)
            w.iri(occ, str(CKG.requiresSkill), skill)
            r.link("requiresSkill")
            r.link(f"requiresSkill/{importance}")
        r.classes["Requirement"] = n

    def technology(self) -> None:
        w, r = self.w, self.report
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
                w.iri(skill, _RDF_TYPE, str(CKG.Skill))
                w.iri(skill, str(CKG.skillType), str(CKG.Competence))
                title = row.get("Commodity Title", "").strip() or commodity
                w.literal(skill, _SKOS + "prefLabel", title, lang="en")
                w.literal(skill, _SKOS + "notation", commodity)
                w.literal(
                    skill,
                    _SKOS + "definition",
                    f"Using {title.lower()} (O*NET technology skill, UNSPSC commodity {commodity}).",
                    lang="en",
                )
                w.decimal(skill, str(CKG.learningHours), LEARNING_HOURS["technology"])
                w.boolean(skill, str(CKG.isEstimate), True)
                w.iri(skill, _DCT + "source", self.src)
                r.node("Skill")
                r.node("Skill/Competence")
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
        start = time.perf_counter()
        self.source()
        self.occupation_list()
        self.alternate_titles()
        self.content_model()
        self.ratings("Skills.txt")
        self.ratings("Knowledge.txt")
        self.technology()
        self.job_zones()
        self.education()
        self.related()
        self.report.triples = self.w.count
        self.report.seconds = time.perf_counter() - start
        return self.report


def detect_version(directory: Path) -> str | None:
    """The O*NET release, from ``Read Me.txt`` ("O*NET 29.3 Database") or the folder name.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()) / "29.3"
    >>> d.mkdir()
    >>> detect_version(d)
    '29.3'
    """
    readme = find_table(directory, ["Read Me.txt"], required=False)
    if readme is not None:
        m = re.search(r"O\*NET\s+(\d+\.\d+)\s+Database", readme.read_text(encoding="utf-8", errors="replace"))
        if m:
            return m.group(1)
    for part in reversed(Path(directory).resolve().parts):
        if re.fullmatch(r"v?\d+\.\d+", part):
            return part.lstrip("v")
    return None


def import_onet(
    directory: str | Path,
    out: IO[str],
    *,
    version: str | None = None,
    show_progress: bool | None = None,
) -> ImportReport:
    """Read O*NET text files from ``directory`` and write N-Triples to ``out``.

    ``Occupation Data.txt`` is required; every other table (``Skills``,
    ``Knowledge``, ``Technology Skills``, ``Job Zones``, ``Education, Training, and
    Experience`` (+ ``Categories``), ``Related Occupations``, ``Alternate Titles``,
    ``Content Model Reference``) is used when present, plain or ``.gz``.

    Raises
    ------
    InputFileError
        When ``directory`` is not a folder or holds ESCO files, a required table or
        column is missing, a table sits in two sub-folders (two releases side by
        side) or a file is truncated.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise InputFileError(str(directory), "not a folder; point at the folder holding the O*NET text files")
    refuse_other_taxonomy(directory, "onet")
    find_table(directory, ["Occupation Data.txt"])  # says what was looked for
    version = check_version(version) if version else detect_version(directory) or "unknown"
    return _OnetImport(directory, out, version, show_progress).run()
