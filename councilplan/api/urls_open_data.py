from django.urls import path

from . import opendata

app_name = "open_data"

urlpatterns = [
    path("", opendata.index, name="index"),
    path("dictionary/", opendata.dictionary, name="dictionary"),
    path("plans/<int:pk>.<slug:fmt>", opendata.plan_file, name="plan"),
    path("rounds/<int:pk>/figures.<slug:fmt>", opendata.figures_file, name="figures"),
    path("policies.<slug:fmt>", opendata.policies_file, name="policies"),
]
