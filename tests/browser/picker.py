"""Driving the institution picker (accord/static/accord/picker.js) with the keyboard, as a user would."""

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
