"""Antecedents of pronouns and of speakers named only by role: the person a pronoun refers to."""

from __future__ import annotations


class Antecedents:
    """Mixed into `SpeakerPhrases` (whose doc, tokens, entities, statements and phrase rules it reads):
    a pronoun speaker ("er", "sie") is the person named nearest before it, else the nearest unnamed
    person known by role or agent noun."""

    def antecedent(self, char: int) -> str | None:
        """The person a pronoun at `char` refers to: the nearest person named before it
        (speakers of earlier statements included)."""
        best: tuple[int, str] | None = None
        for s, _e, eid, label in self.ents.refs:
            if label == "PER" and s < char and (best is None or s > best[0]):
                best = (s, eid)
        for st in self.statements:
            m = st.speaker_mention
            if st.speaker_id.startswith("person/") and m.start < char and (best is None or m.start > best[0]):
                best = (m.start, st.speaker_id)
        # a name the NER missed between the person found and the pronoun is nearer ("der Dörfer Coca
        # [PER] … von dem Einheimischen Telesforo Santillan, … Er hofft")
        best = self._unlisted_name_before(char, best[0] if best else None) or best
        return best[1] if best else None

    def _role_antecedent(self, i: int) -> str | None:
        """With no person named before: the nearest unnamed speaker known by role whose gender fits
        the pronoun ("… von einer Armeesprecherin bestätigt. Sie sagte …")."""
        doc = self.doc
        feminine = doc[i].lower_ == "sie"
        for k in range(i - 1, max(0, i - 80) - 1, -1):
            if not self._role_end(k) or self._role_end(k) != k + 1 or doc[k].lower_.endswith("in") != feminine:
                continue
            s = k  # the phrase from its article ("von einer Armeesprecherin"): a person, not a group
            while s > 0 and k - s < 3 and doc[s - 1].pos_ in ("DET", "ADJ") and doc[s - 1].text[:1].islower():
                s -= 1
            sp = self.speaker_at(s, i)
            if sp is not None:
                if sp.group:
                    self.ents.group(sp.generic, sp.entity_id)
                return sp.entity_id
        return self._agent_noun_antecedent(i, feminine)

    def _agent_noun_antecedent(self, i: int, feminine: bool) -> str | None:
        """With no person and no role before: the nearest subject "der Betrüger" / "die Käuferin" (a
        definite singular agent noun in the nominative whose gender fits) in the two sentences before,
        an unnamed person ("… meldete sich der Betrüger bei ihnen. Er bot …")."""
        doc = self.doc
        sents = [s for s in doc.sents if s.start < i][-3:]
        lo = sents[0].start if sents else 0
        for k in range(i - 1, lo, -1):
            tok = doc[k]
            if tok.pos_ != "NOUN" or doc[k - 1].lower_ != ("die" if feminine else "der") or \
                    not tok.text.endswith("in" if feminine else "er") or \
                    tok.morph.get("Case") != ["Nom"] or tok.morph.get("Number") != ["Sing"] or \
                    tok.morph.get("Gender") != (["Fem"] if feminine else ["Masc"]):
                continue
            ent = self.ents.unnamed(tok.text, None, f"{tok.text} (ohne Namen)")
            self.ents.mention(ent.id, doc[k - 1].idx, tok.idx + len(tok.text))
            return ent.id
        return None

    def _unlisted_name_before(self, char: int, after: int | None = None) -> tuple[int, str] | None:
        """A two-or-more-word name in the three sentences before `char` (and after the char `after`)
        that no rule listed yet ("Anna Berger gewann …"), none of its words a place or organisation
        to the NER; registered as a person."""
        doc = self.doc
        toks = self.toks
        end = self.token_at_char(char)
        lo = max(0, end - 80, self.token_at_char(after) + 1 if after is not None else 0)
        roles = self.ents.roles
        for i in range(end - 2, lo - 1, -1):
            text = toks[i].text
            if not text[:1].isupper() and text != "-" and i not in roles:
                continue  # may_start_name's answer for most tokens, from the text alone
            if i > 0 and self.ents.is_name_token(toks[i - 1]):
                continue
            if not self.ents.may_start_name(i):
                continue  # (most tokens: no name search needed)
            name = self.ents.name_at(i)
            if (name is not None and len(name) >= 2 and name.end <= end
                    and not any(t.ent_type_ in ("LOC", "ORG", "MISC") for t in name)
                    and not any(s < name.end_char and name.start_char < e for s, e, _x, _l in self.ents.refs)
                    and not (name.end < len(doc) and toks[name.end].text == "-")
                    and (after is None or self._plain_name(name))):
                person = self.ents.person(name.text)
                self.ents.mention(person.id, name.start_char, name.end_char)
                return name.start_char, person.id
        return None
