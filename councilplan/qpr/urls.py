from django.urls import path

from . import views

app_name = "qpr"

urlpatterns = [
    path("", views.index, name="index"),
    path("report.<str:fmt>", views.file, name="file"),
]
