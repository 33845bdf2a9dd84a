"""Import the ESCO classification (CSV export, v1.1.x and v1.2.x) into careerkg's ontology.

ESCO IRIs are kept as node IRIs. The mapping (see ``docs/importing.md``):

========================================  =============================================
ESCO                                      careerkg
========================================  =============================================
occupation                                ``ckg:Role`` (labels, definition,
                                          ``skos:notation`` = ESCO code,
                                          ``ckg:iscoCode`` = 4-digit ISCO-08 code as text)
skill, ``skillType`` knowledge            ``ckg:Skill``, ``ckg:skillType ckg:Knowledge``
skill, ``skillType`` skill/competence     ``ckg:Skill``, ``ckg:Competence`` (transversal
                                          reuse level: ``ckg:SoftSkill``)
skill group, hierarchy concepts           ``ckg:SkillArea``
ISCO group                                ``ckg:IscoGroup``
occupation–skill essential / optional     ``ckg:Requirement`` (level 3 / 2) and
                                          ``ckg:requiresSkill``
skill → group / broader skill             ``ckg:inSkillArea`` / ``skos:broader``
occupation → occupation / ISCO group      ``skos:broader`` (and ``ckg:iscoGroup``)
skill–skill relation                      ``ckg:relatedSkill`` (+ ``ckg:essentialRelatedSkill``)
========================================  =============================================

Examples
--------
>>> import io, tempfile
>>> from pathlib import Path
>>> d = Path(tempfile.mkdtemp())
>>> _ = (d / "occupations_en.csv").write_text(
...     "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,description,code\\n"
...     "Occupation,http://data.europa.eu/esco/occupation/o1,0110,soldier,,Serves.,0110.1\\n")
>>> _ = (d / "skills_en.csv").write_text(
...     "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,description\\n"
...     "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/s1,knowledge,cross-sector,drill,,\\n")
>>> _ = (d / "occupationSkillRelations.csv").write_text(
...     "occupationUri,relationType,skillType,skillUri\\n"
...     "http://data.europa.eu/esco/occupation/o1,essential,knowledge,http://data.europa.eu/esco/skill/s1\\n")
>>> out = io.StringIO()
>>> report = import_esco(d, out, version="1.1.1", show_progress=False)
>>> report.classes["Role"], report.classes["Skill"], report.relations["requiresSkill"]
(1, 1, 1)
>>> '<http://data.europa.eu/esco/occupation/o1> <https://w3id.org/careerkg/ontology#iscoCode> "0110" .' in out.getvalue()
True
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from kg.errors import InputFileError
from kg.importers.common import (
    ImportReport,
    check_version,
    find_table,
    read_csv,
    refuse_other_taxonomy,
    safe_iri,
    split_multi,
)
from kg.importers.streaming import TableImport
from kg.namespace import CKG

__all__ = [
    "ESCO_ATTRIBUTION",
    "ESCO_ATTRIBUTION_ADAPTED",
    "ESCO_LICENCE",
    "LEARNING_HOURS",
    "REQUIRED_TABLES",
    "REQUIREMENT_LEVEL",
    "detect_version",
    "import_esco",
]

ESCO_ATTRIBUTION = "This service uses the ESCO classification of the European Commission."
ESCO_ATTRIBUTION_ADAPTED = (
    "This service uses an adapted version of the ESCO classification of the European Commission. "
    "The European Commission does not endorse this adaptation."
)
ESCO_LICENCE = "http://data.europa.eu/eli/dec/2011/833/oj"
"""Commission Decision 2011/833/EU on the reuse of Commission documents (ELI)."""

REQUIREMENT_LEVEL = {"essential": 3, "optional": 2}
"""Default proficiency level (1–5) of an ESCO occupation–skill relation: ESCO gives none."""

# default learning hours by (skill type, reuse level): a skill tied to one occupation takes
# longer to learn than a transversal one. Estimates, marked ckg:isEstimate true.
LEARNING_HOURS: dict[tuple[str, str], int] = {
    ("knowledge", "transversal"): 30,
    ("knowledge", "cross-sector"): 40,
    ("knowledge", "sector-specific"): 60,
    ("knowledge", "occupation-specific"): 80,
    ("knowledge", ""): 60,
    ("skill/competence", "transversal"): 20,
    ("skill/competence", "cross-sector"): 30,
    ("skill/competence", "sector-specific"): 40,
    ("skill/competence", "occupation-specific"): 60,
    ("skill/competence", ""): 40,
}
"""Default ``ckg:learningHours`` of an imported skill by (ESCO skill type, reuse level)."""

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_DCT = "http://purl.org/dc/terms/"
_ESCO_ISCO = "http://data.europa.eu/esco/isco/C"
_REUSE = "http://data.europa.eu/esco/skill-reuse-level/"

_VERSION_RE = re.compile(r"^v?(\d+\.\d+(?:\.\d+)?)$", re.IGNORECASE)


def detect_version(directory: Path) -> str | None:
    """Guess the ESCO version from the folder names (``…/v1.1.1/…``).

    Examples
    --------
    >>> detect_version(Path("/data/esco/v1.2.0/classification-en"))
    '1.2.0'
    >>> detect_version(Path("/tmp/x")) is None
    True
    """
    for part in reversed(Path(directory).resolve().parts):
        m = _VERSION_RE.match(part)
        if m:
            return m.group(1)
    for child in sorted(Path(directory).iterdir()) if Path(directory).is_dir() else []:
        m = _VERSION_RE.match(child.name)
        if m and child.is_dir():
            return m.group(1)
    return None


def _skill_type(raw: str) -> str:
    raw = raw.strip().lower()
    if raw.startswith("knowledge"):
        return "knowledge"
    if raw.startswith("skill"):
        return "skill/competence"
    return ""


class _EscoImport(TableImport):
    """One streaming ESCO import (state shared by the steps)."""

    TITLE, SLUG, VERSION_MARK = "ESCO", "esco", "v"

    def __init__(self, directory: Path, out: IO[str], version: str, show_progress: bool | None) -> None:
        super().__init__(directory, out, version, show_progress)
        self.skills: dict[str, str] = {}  # skill IRI -> ckg skill type IRI
        self.areas: set[str] = set()  # skill-group IRIs
        self.occupations: set[str] = set()
        self.isco: set[str] = set()
        self.gz: list[str] = []

    # -- helpers
    def rows(
        self, names: list[str], required: list[str], *, optional: bool = False
    ) -> Iterator[dict[str, str]]:
        key = names[0].rsplit(".", 1)[0]
        for row in self.table(names, required, read_csv, optional=optional):
            for field in ("altLabels", "hiddenLabels", "description"):
                if "\n" in row.get(field, ""):
                    self.report.quirk("multi-line-fields", "quoted fields spanning several lines", key)
                    break
            yield row

    def labels(self, iri: str, row: dict[str, str]) -> None:
        w = self.w
        pref = row.get("preferredLabel", "").strip()
        if pref:
            w.literal(iri, _SKOS + "prefLabel", pref, lang="en")
        else:
            self.report.quirk("missing-label", "concepts without a preferred label (IRI used)", iri)
            w.literal(iri, _SKOS + "prefLabel", iri.rsplit("/", 1)[-1], lang="en")
        seen = {pref.casefold()}
        for column, pred in (("altLabels", "altLabel"), ("hiddenLabels", "hiddenLabel")):
            for label in split_multi(row.get(column, "")):
                if label.casefold() not in seen:
                    seen.add(label.casefold())
                    w.literal(iri, _SKOS + pred, label, lang="en")
        desc = row.get("description", "").strip()
        if desc:
            w.literal(iri, _SKOS + "definition", desc, lang="en")
        formal = row.get("definition", "").strip()
        if formal and formal != desc:
            w.literal(iri, _RDFS + "comment", formal, lang="en")
        scope = row.get("scopeNote", "").strip()
        if scope:
            w.literal(iri, _SKOS + "scopeNote", scope, lang="en")
        w.iri(iri, _DCT + "source", self.src)

    # -- steps
    def source(self) -> None:
        v = self.version
        self.describe_source(
            title=f"ESCO classification v{v}" if v != "unknown" else "ESCO classification",
            publisher="European Commission (DG EMPL), ESCO",
            url="https://esco.ec.europa.eu",
            licence=ESCO_LICENCE,
            rights=ESCO_ATTRIBUTION_ADAPTED,
            citation=ESCO_ATTRIBUTION,
            description=(
                "ESCO (European Skills, Competences, Qualifications and Occupations), imported by careerkg "
                "into its own ontology: occupations as roles, knowledge and skills/competences as skills, "
                "essential/optional relations as qualified requirements with default levels, and default "
                "learning hours marked as estimates. Reuse is authorised under Commission Decision "
                "2011/833/EU provided the source is acknowledged; this is a modified (adapted) version."
            ),
        )

    def skill_list(self) -> None:
        w, r = self.w, self.report
        for row in self.rows(["skills.csv"], ["conceptUri", "preferredLabel"]):
            iri = safe_iri(row["conceptUri"].strip())
            if not iri:
                r.quirk("missing-uri", "rows without a conceptUri (skipped)", "skills")
                continue
            if iri in self.skills:
                r.quirk("duplicate-concept", "concepts listed twice (first kept)", iri)
                continue
            raw = _skill_type(row.get("skillType", ""))
            reuse = row.get("reuseLevel", "").strip().lower()
            if not raw:
                r.quirk(
                    "empty-skill-type", "skills with an empty skillType (treated as skill/competence)", iri
                )
            kind = raw or "skill/competence"
            if kind == "knowledge":
                ctype = str(CKG.Knowledge)
            elif reuse == "transversal":
                ctype = str(CKG.SoftSkill)
            else:
                ctype = str(CKG.Competence)
            self.skills[iri] = ctype
            w.iri(iri, _RDF_TYPE, str(CKG.Skill))
            w.iri(iri, str(CKG.skillType), ctype)
            self.labels(iri, row)
            if reuse:
                w.iri(iri, str(CKG.reuseLevel), _REUSE + reuse.replace(" ", "-"))
            hours = LEARNING_HOURS.get((kind, reuse), LEARNING_HOURS[(kind, "")])
            w.decimal(iri, str(CKG.learningHours), hours)
            w.boolean(iri, str(CKG.isEstimate), True)
            r.node("Skill")
            r.node(
                {str(CKG.Knowledge): "Skill/Knowledge", str(CKG.SoftSkill): "Skill/SoftSkill"}.get(
                    ctype, "Skill/Competence"
                )
            )

    def area(self, iri: str, row: dict[str, str]) -> None:
        if iri in self.areas or iri in self.skills:
            return
        self.areas.add(iri)
        self.w.iri(iri, _RDF_TYPE, str(CKG.SkillArea))
        self.labels(iri, row)
        code = row.get("code", "").strip()
        if code:
            self.w.literal(iri, _SKOS + "notation", code)
        self.report.node("SkillArea")

    def skill_groups(self) -> None:
        for row in self.rows(["skillGroups.csv"], ["conceptUri", "preferredLabel"], optional=True):
            iri = safe_iri(row["conceptUri"].strip())
            if iri:
                self.area(iri, row)

    def hierarchy(self) -> list[tuple[str, str]]:
        """Skill-hierarchy concepts (areas) and their level links (child, parent)."""
        links: list[tuple[str, str]] = []
        for row in self.rows(["skillsHierarchy.csv"], ["Level 0 URI"], optional=True):
            chain: list[str] = []
            for level in range(4):
                iri = safe_iri((row.get(f"Level {level} URI") or "").strip())
                if not iri:
                    break
                chain.append(iri)
            if not chain:
                continue
            last = len(chain) - 1
            label = (row.get(f"Level {last} preferred term") or "").strip()
            self.area(
                chain[-1],
                {
                    "preferredLabel": label,
                    "description": row.get("Description", ""),
                    "scopeNote": row.get("Scope note", ""),
                    "code": row.get(f"Level {last} code") or "",
                },
            )
            links.extend(zip(chain[1:], chain[:-1], strict=True))
        return links

    def isco_groups(self) -> None:
        w, r = self.w, self.report
        for row in self.rows(["ISCOGroups.csv"], ["conceptUri", "code"], optional=True):
            iri = safe_iri(row["conceptUri"].strip())
            if not iri or iri in self.isco:
                continue
            self.isco.add(iri)
            code = row["code"].strip()
            w.iri(iri, _RDF_TYPE, str(CKG.IscoGroup))
            self.labels(iri, row)
            if code:
                w.literal(iri, _SKOS + "notation", code)
                if code.startswith("0") and len(code) > 1:
                    r.quirk("leading-zero-codes", "codes with leading zeros (kept as text)", code)
            r.node("IscoGroup")

    def occupation_list(self) -> None:
        w, r = self.w, self.report
        for row in self.rows(["occupations.csv"], ["conceptUri", "preferredLabel"]):
            iri = safe_iri(row["conceptUri"].strip())
            if not iri:
                r.quirk("missing-uri", "rows without a conceptUri (skipped)", "occupations")
                continue
            if iri in self.occupations:
                r.quirk("duplicate-concept", "concepts listed twice (first kept)", iri)
                continue
            self.occupations.add(iri)
            w.iri(iri, _RDF_TYPE, str(CKG.Role))
            self.labels(iri, row)
            code = row.get("code", "").strip()
            if code:
                w.literal(iri, _SKOS + "notation", code)
            isco = row.get("iscoGroup", "").strip()
            if isco:
                if isco.isdigit() and len(isco) < 4:  # a spreadsheet ate the leading zeros
                    r.quirk("short-isco-code", "ISCO codes shorter than 4 digits (zero-padded)", isco)
                    isco = isco.zfill(4)
                if isco.startswith("0"):
                    r.quirk("leading-zero-codes", "codes with leading zeros (kept as text)", isco)
                w.literal(iri, str(CKG.iscoCode), isco)
                group = _ESCO_ISCO + isco
                if not self.isco or group in self.isco:
                    w.iri(iri, str(CKG.iscoGroup), group)
                    r.link("iscoGroup")
                else:
                    r.quirk("unknown-isco-group", "occupations naming an ISCO group not in ISCOGroups", isco)
            r.node("Role")

    def broader(self, links: list[tuple[str, str]]) -> None:
        w, r = self.w, self.report
        parents: dict[str, set[str]] = defaultdict(set)
        pairs: set[tuple[str, str]] = set()

        def known(iri: str) -> bool:
            return iri in self.skills or iri in self.areas or iri in self.occupations or iri in self.isco

        for row in self.rows(
            ["broaderRelationsSkillPillar.csv"], ["conceptUri", "broaderUri"], optional=True
        ):
            pairs.add((safe_iri(row["conceptUri"].strip()), safe_iri(row["broaderUri"].strip())))
        skill_pairs = len(pairs)
        pairs.update(links)
        r.notes["hierarchy links already in broaderRelationsSkillPillar"] += (
            skill_pairs + len(set(links)) - len(pairs)
        )
        for row in self.rows(["broaderRelationsOccPillar.csv"], ["conceptUri", "broaderUri"], optional=True):
            pairs.add((safe_iri(row["conceptUri"].strip()), safe_iri(row["broaderUri"].strip())))
        for child, parent in sorted(pairs):
            if not child or not parent:
                continue
            if not known(child) or not known(parent):
                missing = child if not known(child) else parent
                r.quirk(
                    "dangling-broader", "broader links naming a concept in no concept file (skipped)", missing
                )
                continue
            w.iri(child, _SKOS + "broader", parent)
            r.link("broader")
            parents[child].add(parent)
            if child in self.skills and parent in self.areas:
                w.iri(child, str(CKG.inSkillArea), parent)
                r.link("inSkillArea")
        for child, ps in parents.items():
            if len(ps) > 1:
                r.quirk("multi-parent", "concepts with several broader concepts (all kept)", child)

    def requirements(self) -> None:
        w, r = self.w, self.report
        levels = REQUIREMENT_LEVEL
        hasreq, reqskill, imp, lvl = (
            str(CKG.hasRequirement),
            str(CKG.requiredSkill),
            str(CKG.importance),
            str(CKG.level),
        )
        req_t, shortcut = str(CKG.Requirement), str(CKG.requiresSkill)
        importance = {"essential": str(CKG.Essential), "optional": str(CKG.Optional)}
        seen: dict[tuple[str, str], str] = {}
        n = 0
        for row in self.rows(["occupationSkillRelations.csv"], ["occupationUri", "relationType", "skillUri"]):
            occ = safe_iri(row["occupationUri"].strip())
            skill = safe_iri(row["skillUri"].strip())
            rel = row["relationType"].strip().lower()
            if not row.get("skillType", "x").strip():
                r.quirk(
                    "empty-skill-type-in-relation",
                    "relation rows with an empty skillType (type taken from the skill)",
                    skill,
                )
            if occ not in self.occupations:
                r.quirk(
                    "dangling-occupation",
                    "relation rows naming an occupation missing from the occupations file (skipped)",
                    occ,
                )
                continue
            if skill not in self.skills:
                r.quirk(
                    "dangling-skill",
                    "relation rows naming a skill missing from the skills file (skipped)",
                    skill,
                )
                continue
            if rel not in levels:
                r.quirk(
                    "unknown-relation-type",
                    "relation rows with a relationType other than essential/optional (skipped)",
                    rel,
                )
                continue
            if (occ, skill) in seen:
                r.quirk(
                    "duplicate-relation", "occupation-skill pairs listed twice (first kept)", f"{occ} {skill}"
                )
                continue
            seen[(occ, skill)] = rel
            n += 1
            q = f"_:q{n}"
            w.iri(occ, hasreq, q)
            w.iri(q, _RDF_TYPE, req_t)
            w.iri(q, reqskill, skill)
            w.iri(q, imp, importance[rel])
            w.integer(q, lvl, levels[rel])
            w.iri(q, _DCT + "source", self.src)  # the relation's provenance, as the shapes ask
            w.iri(occ, shortcut, skill)
            r.link(f"requiresSkill/{rel}")
            r.link("requiresSkill")
        r.node("Requirement", n)

    def related_skills(self) -> None:
        w, r = self.w, self.report
        related, essential = str(CKG.relatedSkill), str(CKG.essentialRelatedSkill)
        for row in self.rows(
            ["skillSkillRelations.csv"], ["originalSkillUri", "relatedSkillUri"], optional=True
        ):
            a = safe_iri(row["originalSkillUri"].strip())
            b = safe_iri(row["relatedSkillUri"].strip())
            if a not in self.skills or b not in self.skills:
                r.quirk(
                    "dangling-skill",
                    "relation rows naming a skill missing from the skills file (skipped)",
                    a if a not in self.skills else b,
                )
                continue
            w.iri(a, related, b)
            r.link("relatedSkill")
            if row.get("relationType", "").strip().lower() == "essential":
                w.iri(a, essential, b)
                r.link("essentialRelatedSkill")

    def run(self) -> ImportReport:
        links: list[tuple[str, str]] = []  # the hierarchy's level links, written with the broader ones
        return self.run_steps(
            [
                self.source,
                self.skill_list,
                self.skill_groups,
                lambda: links.extend(self.hierarchy()),
                self.isco_groups,
                self.occupation_list,
                lambda: self.broader(links),
                self.requirements,
                self.related_skills,
            ]
        )


def import_esco(
    directory: str | Path,
    out: IO[str],
    *,
    version: str | None = None,
    show_progress: bool | None = None,
) -> ImportReport:
    """Read an ESCO CSV export from ``directory`` and write N-Triples to ``out``.

    Parameters
    ----------
    directory : str or Path
        A folder holding the ESCO CSV files, in any sub-folders: ``occupations``,
        ``skills`` and ``occupationSkillRelations`` are required; ``skillGroups``,
        ``skillsHierarchy``, ``ISCOGroups``, ``skillSkillRelations`` and the two
        ``broaderRelations*Pillar`` tables are used when present. Names may carry
        ``_en`` (v1.2) or not (v1.1 relations) and may be gzip-compressed.
    out : text stream
        Where the N-Triples lines go.
    version : str, optional
        The ESCO version for the provenance node; guessed from folder names
        (``v1.1.1``) when omitted.
    show_progress : bool, optional
        Progress bars on stderr: ``None`` when stderr is a terminal.

    Returns
    -------
    ImportReport
        Counts per class and relation, rows read per table, quirks met.

    Raises
    ------
    InputFileError
        When a required table or column is missing (checked before anything is
        read), the folder holds O*NET files, a table sits in two sub-folders (two
        releases side by side) or a file is unreadable or truncated.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise InputFileError(str(directory), "not a folder; point at the folder holding the ESCO CSV files")
    _check_tables(directory)
    version = check_version(version) if version else detect_version(directory) or "unknown"
    return _EscoImport(directory, out, version, show_progress).run()


REQUIRED_TABLES = ("occupations.csv", "skills.csv", "occupationSkillRelations.csv")
"""The ESCO tables an import cannot do without."""


def _check_tables(directory: Path) -> None:
    """Find the required tables before anything is read, and name O*NET files for what they are."""
    refuse_other_taxonomy(directory, "esco")
    for name in REQUIRED_TABLES:
        try:
            find_table(directory, [name])
        except InputFileError as err:
            if name != "occupationSkillRelations.csv":
                raise
            raise InputFileError(
                err.path,
                f"{err.reason}. ESCO v1.1 ships the relations in a separate language-independent "
                "download; put both packages under one folder and point at it",
            ) from None
