from django.urls import path

from councilplan.core import views

urlpatterns = [
    path("health/", views.health, name="health"),
]
