from django.urls import path

from courses import import_views, transcript_views, views

app_name = "courses"

urlpatterns = [
    path("", views.my_learning, name="my_learning"),
    path("courses/<int:course_id>/", views.course_redirect, name="course_redirect"),
    path("courses/<int:course_id>/enrol/", views.enrol, name="enrol"),
    path("courses/<int:course_id>/unenrol/", views.unenrol, name="unenrol"),
    path("lessons/<int:lesson_id>/done/", views.lesson_done, name="lesson_done"),
    path(
        "lessons/<int:lesson_id>/quizzes/<str:quiz_id>/",
        views.quiz_submit,
        name="quiz_submit",
    ),
    path("teaching/", views.teaching, name="teaching"),
    path("teaching/import/", import_views.import_start, name="import_start"),
    path(
        "teaching/import/<int:job_id>/",
        import_views.import_detail,
        name="import_detail",
    ),
    path("teaching/<int:course_id>/", views.course_dashboard, name="course_dashboard"),
    path(
        "teaching/<int:course_id>/<slug:table>.csv",
        views.course_export,
        name="course_export",
    ),
    path("certificates/verify/", views.credential_check, name="credential_check"),
    path(
        "certificates/<str:code>/",
        views.certificate_verify,
        name="certificate_verify",
    ),
    path(
        "certificates/<str:code>/privacy/",
        views.certificate_privacy,
        name="certificate_privacy",
    ),
    path(
        "certificates/<str:code>/certificate.pdf",
        views.certificate_download,
        name="certificate_pdf",
    ),
    path(
        "certificates/<str:code>/credential.json",
        views.certificate_json,
        name="certificate_json",
    ),
    path(
        "transcript/transcript.json",
        transcript_views.transcript_json,
        name="transcript_json",
    ),
    path(
        "transcript/transcript.pdf",
        transcript_views.transcript_download,
        name="transcript_pdf",
    ),
    path(
        "transcript/share/",
        transcript_views.transcript_share_open,
        name="transcript_share_open",
    ),
    path(
        "transcripts/<str:code>/",
        transcript_views.transcript_shared,
        name="transcript_shared",
    ),
    path(
        "transcripts/<str:code>/courses/",
        transcript_views.transcript_share_courses,
        name="transcript_share_courses",
    ),
    path(
        "transcripts/<str:code>/revoke/",
        transcript_views.transcript_share_revoke,
        name="transcript_share_revoke",
    ),
    path(
        "transcripts/<str:code>/transcript.json",
        transcript_views.transcript_shared_json,
        name="transcript_shared_json",
    ),
    path(
        "transcripts/<str:code>/transcript.pdf",
        transcript_views.transcript_shared_pdf,
        name="transcript_shared_pdf",
    ),
    path(
        "credentials/revocations.json",
        views.certificate_revocations,
        name="certificate_revocations",
    ),
]
