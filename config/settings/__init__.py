"""Settings for de165: base.py holds what every environment shares."""
