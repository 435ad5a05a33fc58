"""Who the parties of a relation are (seventh round): a list of states taking part in something is no set
of pairwise partners, a historic state named by two states' names is one state, and a relative clause acts
through the noun it describes (invented sentences)."""

from .sentences import pairs, relations


def test_states_listed_as_participants_are_no_pairs_of_partners():
    assert not relations("Deutschland, Frankreich, Italien, Belgien und die Schweiz nahmen an der Konferenz teil.")
    assert not relations("An der Postkonferenz beteiligten sich Deutschland, Frankreich, Italien und Spanien.")
    assert not relations("Die Vertreter Deutschlands, Frankreichs, Italiens und Englands trafen sich in Genf.")
    assert not relations("Deutschland, Frankreich, Belgien und Spanien unterzeichneten das Postabkommen.")
    # also as the states of the cue noun itself
    assert not relations("Die Verhandlungen Deutschlands, Frankreichs und Englands dauerten lange.")
    assert (frozenset(("DEU", "FRA")), "negotiation") in pairs("Die deutsch-französischen Verhandlungen dauerten lange.")


def test_two_states_or_states_acting_on_one_another_stay_partners():
    assert (frozenset(("DEU", "FRA")), "negotiation") in pairs("Die Vertreter Deutschlands und Frankreichs trafen sich in Genf.")
    assert (frozenset(("DEU", "FRA")), "cooperation") in pairs("Deutschland und Frankreich nahmen gemeinsam an der Konferenz teil.")
    assert (frozenset(("DEU", "FRA")), "agreement") in pairs("Deutschland und Frankreich unterzeichneten den Vertrag.")
    assert (frozenset(("DEU", "ITA")), "agreement") in pairs("Deutschland, Frankreich und Italien schlossen untereinander ein Abkommen.")
    rels = pairs("Spanien, Portugal und Italien verhandelten miteinander über die Zölle.")
    assert {(frozenset(p), "negotiation") for p in (("ESP", "PRT"), ("ESP", "ITA"), ("ITA", "PRT"))} <= rels


def test_a_joint_act_of_several_states_still_relates_each_pair():
    rels = pairs("Chile, Peru und Bolivien präsentierten einen gemeinsamen Plan für eine Zollunion.")
    assert (frozenset(("CHL", "PER")), "cooperation") in rels
    # and states fighting a war side by side are partners in arms however many they are
    assert (frozenset(("DEU", "ITA")), "military_cooperation") in pairs(
        "Deutschland, Italien und Ungarn kämpften gegen Rußland.")


def test_a_composite_historic_state_is_one_state():
    # (a trade treaty is an agreement and economic cooperation: qualifier scope `also`, checklist round)
    assert relations("Oesterreich-Ungarn und Serbien schlossen einen Handelsvertrag.") == {
        ("AUT", "SRB", "agreement"), ("AUT", "SRB", "economic_cooperation")}
    assert relations("Die Regierung von Oesterreich-Ungarn protestierte gegen Rußland.") == {("AUT", "RUS", "criticism")}
    assert relations("Die österreichisch-ungarische Regierung protestierte gegen Rußland.") == {("AUT", "RUS", "criticism")}
    assert relations("Zwischen Schweden-Norwegen und Dänemark kam es zu Spannungen.") == {("DNK", "SWE", "tension")}
    # a compound that goes on to a noun names the two parties, a compound adjective of two states as well
    assert (frozenset(("ISR", "LBN")), "armed_conflict") in pairs("Der Israel-Libanon-Konflikt belastet die Region.")
    assert (frozenset(("DEU", "POL")), "diplomatic_relations") in pairs("Die deutsch-polnischen Beziehungen sind gut.")


def test_a_relative_clause_acts_through_the_noun_it_describes():
    # its subject pronoun stands for the noun before it: that state acts, the state inside is the object
    assert relations("Russland, das die Ukraine angegriffen hat, wurde verurteilt.") == {("RUS", "UKR", "attack")}
    assert relations("Die russische Regierung, die die Ukraine angegriffen hat, wurde verurteilt.") == {
        ("RUS", "UKR", "attack")}
    # a noun that is no state acts for no state, also when the clause stands after the verb
    assert not relations("Die Stahlindustrie der Vereinigten Staaten schuf einen Wettbewerb, der England bedroht.")
    assert not relations("In der Stahlindustrie der Vereinigten Staaten ist ein Wettbewerb entstanden, der England bedroht.")


def test_a_countrys_press_is_no_state():
    assert not relations("Das italienische Blatt greift die französische Politik heftig an.")
    assert not relations("Die französischen Blätter fordern Sanktionen gegen Deutschland.")
    assert ("GBR", "FRA", "criticism") in relations("Die englische Regierung kritisiert die Haltung Frankreichs.")


def test_a_state_in_a_relative_clause_belongs_to_its_verb():
    # the verb before does not take it as its partner
    assert not relations("Rumänien hat Bessarabien besetzt, was Rußland nie anerkannt hat.")
    assert not relations("Frankreich unterstützt die Rebellen, die gegen Spanien kämpfen.")
    assert ("ITA", "ALB", "attack") in relations("Italien griff Albanien an, das sich nicht wehrte.")
    # a clause's "was" stands for the clause before, no state: no state acts in it
    assert not relations("Polen erhielt einen Sitz im Rat, was Spanien verärgerte.")


def test_receiving_is_support_only_from_a_giving_state():
    assert ("DEU", "UKR", "support") in relations("Die Ukraine erhielt von Deutschland Unterstützung.")
    assert not relations("Er sagte, Spanien werde austreten, falls Deutschland einen Sitz erhalte.")


def test_states_coordinated_as_objects_of_someone_elses_verb_are_no_side():
    assert not relations("Der Papst empfing den spanischen Botschafter und den Gesandten Polens.")
    assert (frozenset(("ESP", "FRA")), "negotiation") in pairs("In Genf trafen sich Frankreich und Spanien.")
    assert (frozenset(("ESP", "FRA")), "agreement") in pairs("Am Montag unterzeichneten Frankreich und Spanien einen Vertrag.")
