"""Accord: the international-cooperation platform of a university."""

__version__ = "0.1.0"
