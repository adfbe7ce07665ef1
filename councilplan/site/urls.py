from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("activities/<int:pk>/", views.activity, name="activity"),
    path("accessibility/", views.accessibility, name="accessibility"),
]
