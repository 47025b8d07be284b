"""Driving the institution picker (accord/static/accord/picker.js) with the keyboard, as a user would."""

import re

from playwright.sync_api import expect


def combobox(page, select_id):
    """The picker's text box for the <select id=select_id>: the element with role=combobox."""
    return page.locator(f"#{select_id} + .ts-wrapper [role=combobox]")


def dropdown(page, select_id):
    return page.locator(f"#{select_id}-ts-dropdown")


def pick(page, select_id, typed, name):
    """Type `typed` into the picker, wait for `name` to be the active option, press Enter."""
    box = combobox(page, select_id)
    box.focus()
    box.press_sequentially(typed, delay=20)
    expect(dropdown(page, select_id).locator(".option.active")).to_contain_text(name)
    page.keyboard.press("Enter")
    expect(page.locator(f"#{select_id} + .ts-wrapper .item").filter(has_text=name)).not_to_have_count(0)


def settled(page, select_id):
    """Wait until the picker has no lookup in flight: a late answer re-renders the list and moves the active
    option, so a key pressed before it lands may act on another option than the one the test saw active."""
    page.wait_for_function(
        "id => { const ts = document.getElementById(id).tomselect; return ts && ts.loading === 0; }", arg=select_id
    )


def activate_add(page, select_id):
    """Arrow up to the "Add …" line once the list has settled; returns it."""
    add = dropdown(page, select_id).locator(".create")
    expect(add).to_have_count(1)
    settled(page, select_id)
    for _ in range(20):
        if "active" in (add.get_attribute("class") or ""):
            break
        page.keyboard.press("ArrowUp")
    expect(add).to_have_class(re.compile(r"\bactive\b"))
    settled(page, select_id)
    return add
