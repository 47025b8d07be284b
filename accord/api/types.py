"""Field types for request bodies and queries: bounded, so bad input is a 422 and never a database error."""

from typing import Annotated, Literal

from pydantic import AfterValidator, Field

MAX_ID = 2**53  # fits every database's bigint and every JSON number parser


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


def text(max_length: int):
    return Annotated[str, Field(max_length=max_length), AfterValidator(_no_nul)]


Text = Annotated[str, Field(max_length=20_000), AfterValidator(_no_nul)]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Count = Annotated[int, Field(ge=0, le=2_147_483_647)]
Year = Annotated[int, Field(ge=1, le=9999)]
CountryCode = Annotated[str, Field(min_length=2, max_length=2, pattern=r"^[A-Z]{2}$")]


def choice(choices) -> type:
    """A Literal of a TextChoices' values, so the OpenAPI document lists them."""
    return Literal[tuple(choices.values)]  # type: ignore[misc]
