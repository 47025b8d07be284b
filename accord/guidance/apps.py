from django.apps import AppConfig


class GuidanceConfig(AppConfig):
    name = "accord.guidance"
    label = "guidance"
