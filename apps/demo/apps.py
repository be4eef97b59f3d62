"""Demo data: a realistic, reproducible data set for `make demo`, benchmarks and screenshots."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "apps.demo"
    label = "demo"
    verbose_name = "Demo data"
