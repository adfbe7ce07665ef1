from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("", views.index, name="index"),
    path("records/", views.cases, name="cases"),
    path("records/new/", views.case_create, name="case_create"),
    path("records/import/", views.import_view, name="import"),
    path("records/<str:reference>/", views.case, name="case"),
    path("records/<str:reference>/edit/", views.case_edit, name="case_edit"),
    path("records/<str:reference>/handler/", views.case_assign, name="case_assign"),
    path("records/<str:reference>/activities/", views.case_activities, name="case_activities"),
    path("records/<str:reference>/escalate/", views.case_escalate, name="case_escalate"),
    path("records/<str:reference>/stages/<int:pk>/acknowledge/", views.stage_acknowledge, name="stage_acknowledge"),
    path("records/<str:reference>/stages/<int:pk>/extend/", views.stage_extend, name="stage_extend"),
    path("records/<str:reference>/stages/<int:pk>/reply/", views.stage_respond, name="stage_respond"),
    path("records/<str:reference>/stages/<int:pk>/ombudsman/", views.stage_ombudsman, name="stage_ombudsman"),
    path("records/<str:reference>/stages/<int:pk>/letter.docx", views.stage_letter, name="stage_letter"),
    path("services/<int:pk>/", views.queue, name="queue"),
    path("report/", views.report, name="report"),
    path("report/download/<slug:fmt>/", views.report_file, name="report_file"),
    path("subject-access/", views.subject_access, name="subject_access"),
    path("retention/", views.retention, name="retention"),
    path("reminders/", views.send_reminders, name="reminders"),
    path("kpi/", views.feed_kpi, name="feed_kpi"),
]
