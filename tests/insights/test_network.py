"""The cooperation network stays legible at 300 partners: the most connected are labelled, no
label overlaps another."""


def test_the_network_labels_its_most_connected_partners_and_networks_without_overlap(world, home):
    from datetime import date

    from accord.agreements.models import Agreement, AgreementParty
    from accord.insights.services.network import CANVAS, EXTENT, graph
    from accord.insights.services.scope import Scope
    from accord.lib.labels import Box, text_width
    from accord.registry.models import Country, Institution, Network, NetworkMembership

    country = Country.objects.get(code="DE")
    alliance = Network.objects.create(name="<i>Alliance</i>", acronym="")
    for i in range(300):
        partner = Institution.objects.create(name=f"Technische Hochschule {i:03d}", country=country)
        agreement = Agreement.objects.create(title=f"MoU {i}", status="active", valid_from=date(2024, 1, 1))
        for party in [home, partner] + ([world["B"]] if i % 3 else []):
            AgreementParty.objects.create(agreement=agreement, institution=party)
        if i % 50 == 0:
            NetworkMembership.objects.create(network=alliance, institution=partner)
    data = graph(Scope.for_year(2024))
    assert (data["partners_total"], data["shown"]) == (303, 300)  # A, B, C and 300 new partners, 300 drawn
    labelled = {n["id"]: n for n in data["nodes"] if n["label"]}
    assert f"i{world['B'].pk}" in labelled  # the most connected partner (party to 200 agreements)
    assert any(n["kind"] == "network" and n["label"]["text"] == "&lt;i&gt;Alliance&lt;/i&gt;" for n in labelled.values())
    scale = CANVAS / (2 * EXTENT)
    boxes = []
    for n in labelled.values():
        x, y = (n["x"] + EXTENT) * scale + n["label"]["xshift"], (n["y"] + EXTENT) * scale + n["label"]["yshift"]
        w, h = text_width(n["label"]["text"].replace("&lt;", "<").replace("&gt;", ">"), 11) + 2, 11 * 1.25
        x0 = {"left": x, "right": x - w, "center": x - w / 2}[n["label"]["xanchor"]]
        y0 = {"bottom": y, "top": y - h, "middle": y - h / 2}[n["label"]["yanchor"]]
        boxes.append(Box(x0, y0, x0 + w, y0 + h))
    assert len(boxes) >= 5
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_a_long_name_is_labelled_by_its_distinctive_part():
    from accord.insights.services.network import _label_texts

    assert _label_texts("Regional cooperation platform: Central and Eastern Europe")[0].startswith("Central and Eastern")
    assert _label_texts("Regional cooperation platform: Africa")[0] == "Africa"
    assert _label_texts("ParisTech") == ("ParisTech",)
