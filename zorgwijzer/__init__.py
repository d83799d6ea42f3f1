"""Zorgwijzer: the care system a police organisation offers its people."""
