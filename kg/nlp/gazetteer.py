"""Span-ruler patterns from the data files: countries (pycountry + countries.tsv), organisations,
role nouns. Every pattern carries a stable id ("country/RUS", "org/nato", "role/Sprecher")."""

from __future__ import annotations

import csv
import gettext
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

ADJ_ENDINGS = ("", "e", "er", "es", "en", "em")


def _rows(name: str) -> list[list[str]]:
    text = resources.files("kg.nlp").joinpath("data", name).read_text("utf-8")
    return [r for r in csv.reader((l for l in text.splitlines() if l.strip() and not l.startswith("#")), delimiter="\t")]


@dataclass(frozen=True)
class Org:
    id: str
    label: str
    kind: str
    country: str | None
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    base: str
    category: str
    forms: tuple[str, ...]


def _genitive(name: str) -> list[str]:
    last = name[-1]
    if name.endswith(("s", "x", "z", "ß", "e", "ei")) or not last.isalpha() or name.isupper():
        return []
    return [name + "s"]


# prefixes of the regions of a state (countries.tsv kind `compass`)
COMPASS_PREFIXES = ("Nord", "Süd", "Ost", "West", "Nordost", "Nordwest", "Südost", "Südwest", "Zentral")


def _cap(form: str) -> str:
    return form[:1].upper() + form[1:]


@lru_cache(maxsize=1)
def countries() -> dict[str, dict]:
    """iso3 -> {"label": German short name, "en": English name, "forms": {form: kind}}."""
    import pycountry

    de = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"], fallback=True)
    table: dict[str, dict] = {}
    for c in pycountry.countries:
        forms: dict[str, str] = {}
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                german = de.gettext(value)
                if "," not in german and "(" not in german:
                    forms[german] = "name"
        en = getattr(c, "common_name", None) or c.name
        label = de.gettext(en) if "," not in de.gettext(en) else en
        table[c.alpha_3] = {"label": label, "en": en, "forms": forms}
    compass: list[tuple[str, str]] = []
    no_compass: set[str] = set()
    for iso, kind, form in _rows("countries.tsv"):
        # states without an ISO 3166 entry (Kosovo, XKX) come from countries.tsv alone
        entry = table.setdefault(iso, {"label": form, "en": form, "forms": {}})
        if kind == "label":
            entry["label"] = form
        elif kind == "compass":
            compass.append((iso, form))
        elif kind == "no_compass":
            no_compass.add(form)
        else:
            entry["forms"][form] = kind
    # "Westukraine", "Südosttürkei", "Ostlibyen": a region of a state named by a compass prefix is a name of the
    # state; a form that names a state of its own ("Nordkorea", "Südsudan", "Osttimor") stays that state's
    taken = {f for e in table.values() for f in e["forms"]}
    taken_adj = {f.lower() for e in table.values() for f, k in e["forms"].items() if k == "adj"}
    for iso, base in compass:
        # ("westukrainische Stadt", "nordsyrische Städte": the adjective of such a region is the state's too,
        # lowercase only: a capitalised one names a sea or a company, "im Südchinesischen Meer")
        adjs = [f for f, k in table[iso]["forms"].items() if k == "adj" and " " not in f]
        for prefix in COMPASS_PREFIXES:
            form = prefix + base.lower()
            if form not in taken:
                table[iso]["forms"][form] = "name"
            for adj in adjs:
                compass_adj = prefix.lower() + adj.lower()
                if compass_adj not in taken_adj and compass_adj not in no_compass:
                    table[iso]["forms"][compass_adj] = "compass_adj"
    return table


@lru_cache(maxsize=1)
def leaders() -> dict[tuple[str, ...], str]:
    """Leaders' names (as token tuples, with the genitive -s of the last) -> iso3 (leaders.tsv)."""
    out: dict[tuple[str, ...], str] = {}
    for iso, form in _rows("leaders.tsv"):
        words = tuple(form.split())
        out[words] = iso
        out[words[:-1] + (words[-1] + "s",)] = iso
    return out


@lru_cache(maxsize=1)
def organisations() -> dict[str, Org]:
    orgs = {}
    for oid, label, kind, country, forms in _rows("organisations.tsv"):
        orgs[oid] = Org(oid, label, kind, country or None, tuple(f for f in forms.split("|") if f))
    return orgs


@lru_cache(maxsize=1)
def roles() -> dict[str, Role]:
    """Every inflected form -> its role."""
    table: dict[str, Role] = {}
    for base, category, female in _rows("roles.tsv"):
        forms = {base, base + "s", base + "n", base + "en", female}
        if female.endswith("in"):
            forms.add(female + "nen")
        if base.endswith(("ter", "der")):  # adjectival nouns: Beamter -> Beamten
            forms.add(base[:-2] + "en")
        role = Role(base, category, tuple(sorted(forms)))
        for form in forms:
            table.setdefault(form, role)
    return table


def form_variants(form: str, kind: str) -> set[str]:
    """The surface forms the ruler matches for one row of countries.tsv (adjective endings, genitive -s)."""
    if kind == "adj":
        return {form + e for e in ADJ_ENDINGS} | {_cap(form) + e for e in ADJ_ENDINGS}
    if kind == "compass_adj":
        return {form + e for e in ADJ_ENDINGS}
    if kind == "demonym":
        return {form}
    return {form, *_genitive(form)}


# OCR of old newspapers loses the hyphen of a word broken at a line end and leaves a space ("Deutsch land",
# "Frank reich", "Oester reichs"): a name of one word is also matched split in two, each part at least
# this long and the second lowercase (no two real words: "Griechen land" is no phrase of German either)
OCR_PART = 3


def ocr_splits(word: str) -> list[str]:
    """"Deutschland" -> ["Deu tschland", ..., "Deutschl and"]: the word broken by one space."""
    if " " in word or "-" in word or not word[:1].isupper():
        return []
    return [word[:k] + " " + word[k:] for k in range(OCR_PART, len(word) - OCR_PART + 1) if word[k].islower()]


def country_patterns() -> list[dict]:
    patterns = []
    for iso, entry in sorted(countries().items()):
        for form, kind in sorted(entry["forms"].items()):
            label = "COUNTRY_ADJ" if kind in ("adj", "demonym", "compass_adj") else "COUNTRY"
            variants = form_variants(form, kind)
            if kind == "name":
                variants |= {split for v in variants for split in ocr_splits(v)}
            for v in sorted(variants):
                patterns.append({"label": label, "pattern": v, "id": f"country/{iso}"})
    return patterns


def org_patterns() -> list[dict]:
    return [
        {"label": "ORG", "pattern": form, "id": f"org/{org.id}"}
        for org in organisations().values() for form in org.forms
    ]


def role_patterns() -> list[dict]:
    return [{"label": "ROLE", "pattern": form, "id": f"role/{role.base}"} for form, role in sorted(roles().items())]


def all_patterns() -> list[dict]:
    return country_patterns() + org_patterns() + role_patterns()
