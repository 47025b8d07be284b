from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "accord.newsroom"
    label = "newsroom"
