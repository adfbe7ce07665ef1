from django.urls import path

from . import views

app_name = "overview"

urlpatterns = [
    path("", views.pack, name="pack"),
    path("pack.<str:fmt>", views.pack_file_view, name="pack_file"),
]
