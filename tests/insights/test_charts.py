"""The dashboard's chart data: the largest categories drawn, names escaped, series told apart."""


def test_a_chart_draws_the_largest_categories_and_its_table_keeps_them_all():
    from accord.insights.services.charts import MAX_BARS, dashboard_charts
    from accord.insights.services.dashboard import Figure

    rows = [Figure(f"Region {i:02d}", i + 1, f"/mobility/?region={i}") for i in range(20)]
    board = {"continents": [], "agreement_kinds": rows, "agreement_statuses": [], "incoming": rows[:15],
             "outgoing": [Figure("<Unknown>", 100, "/mobility/?region=")]}
    charts = {c["id"]: c for c in dashboard_charts(board)}
    kinds = charts["agreement-kinds"]["series"][0]
    assert len(kinds["labels"]) == MAX_BARS and kinds["labels"][0] == "Region 08" and kinds["values"][-1] == 20
    assert kinds["urls"][-1] == "/mobility/?region=19"
    mobility = charts["mobility"]["series"]
    assert mobility[0]["labels"][0] == "&lt;Unknown&gt;" and mobility[1]["values"][0] == 100
    assert [s["pattern"] for s in mobility][0] != [s["pattern"] for s in mobility][1]
