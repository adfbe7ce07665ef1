from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("activities/<int:pk>/", views.activity, name="activity"),
    path("outcomes/<int:pk>/", views.outcome, name="outcome"),
    path("directorates/<int:pk>/", views.directorate, name="directorate"),
    path("people/<int:pk>/", views.person, name="person"),
    path("overview/", views.overview, name="overview"),
    path("accessibility/", views.accessibility, name="accessibility"),
]
