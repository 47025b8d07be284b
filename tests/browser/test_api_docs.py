import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_staff_user_reads_the_api_docs_served_by_accord_itself_with_no_csp_violation(login, live_server, sam):
    page = login(sam)
    violations = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.goto(f"{live_server.url}/api/v1/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert "/api/v1/agreements/" in page.inner_text(".swagger-ui")
    assert page.accord_failures == []
    assert violations == []
