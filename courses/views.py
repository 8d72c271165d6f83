"""Learners' actions and teachers' dashboards; each view calls one service
or selector and turns its outcome into a message and a redirect."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)

from courses import credentials, selectors, services
from courses.certificate_files import (
    certificate_credential,
    certificate_pdf,
    revocation_list_credential,
)
from courses.credentials.checking import MAX_CREDENTIAL_BYTES, check_credential
from courses.models import CoursePage, LessonPage, NameDisplay
from courses.transcripts import selectors as transcript_selectors
from lms.links import absolute_url

QUESTION_PREFIX = "question-"
PUBLIC_CACHE_SECONDS = 300
SIGNING_UNAVAILABLE = gettext_noop(
    "Certificates cannot be signed right now: the site's signing key is not "
    "set up. Please try again later."
)


def _error(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@require_GET
def course_redirect(request: HttpRequest, course_id: int) -> HttpResponse:
    """A stable address for a course, whatever its slug becomes."""
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    return redirect(course.url)


@require_POST
@login_required
def enrol(request: HttpRequest, course_id: int) -> HttpResponse:
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    try:
        _enrolment, created = services.enrolment_create(
            learner=request.user, course=course
        )
    except ValidationError as error:
        _error(request, error)
    else:
        if created:
            messages.success(request, _("You are enrolled. Enjoy the course!"))
        else:
            messages.info(request, _("You are already enrolled in this course."))
    return HttpResponseRedirect(course.url or "/")


@require_POST
@login_required
def unenrol(request: HttpRequest, course_id: int) -> HttpResponse:
    course = selectors.course_a_learner_may_leave(
        learner=request.user, course_id=course_id
    )
    if course is None:
        raise Http404
    try:
        services.enrolment_cancel(learner=request.user, course=course)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(
            request,
            _("You have left the course. Your progress is kept if you come back."),
        )
    if not course.live:
        return redirect("courses:my_learning")
    return HttpResponseRedirect(course.url or "/")


@require_POST
@login_required
def lesson_done(request: HttpRequest, lesson_id: int) -> HttpResponse:
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    try:
        _completion, created = services.lesson_mark_done(
            learner=request.user, lesson=lesson
        )
    except ValidationError as error:
        _error(request, error)
    else:
        if created:
            messages.success(request, _("Lesson completed."))
    return HttpResponseRedirect(lesson.url or "/")


def _submitted_answers(request: HttpRequest) -> dict[str, list[str]]:
    return {
        key.removeprefix(QUESTION_PREFIX): request.POST.getlist(key)
        for key in request.POST
        if key.startswith(QUESTION_PREFIX)
    }


@require_POST
@login_required
def quiz_submit(request: HttpRequest, lesson_id: int, quiz_id: str) -> HttpResponse:
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    try:
        attempt = services.quiz_attempt_submit(
            learner=request.user,
            lesson=lesson,
            quiz_id=quiz_id,
            answers=_submitted_answers(request),
        )
    except ValidationError as error:
        _error(request, error)
        return HttpResponseRedirect(lesson.url or "/")
    values = {"score": attempt.score, "mark": attempt.pass_mark}
    if attempt.passed:
        messages.success(
            request, _("You scored %(score)d%% and passed the quiz.") % values
        )
    else:
        messages.warning(
            request,
            _("You scored %(score)d%%; the pass mark is %(mark)d%%. Try again.")
            % values,
        )
    return HttpResponseRedirect(f"{lesson.url}#quiz-{attempt.quiz_id}")


@login_required
def my_learning(request: HttpRequest) -> HttpResponse:
    share = transcript_selectors.open_share(learner=request.user)
    return render(
        request,
        "courses/my_learning.html",
        {
            "progress_list": selectors.learner_courses(learner=request.user),
            "teaches": selectors.courses_taught_by(request.user).exists(),
            "transcript_entries": transcript_selectors.transcript_entries(
                learner=request.user
            ),
            "transcript_share": share,
            "transcript_share_url": share and absolute_url(share.get_absolute_url()),
            "transcript_shared_ids": share
            and transcript_selectors.shared_certificate_ids(share),
        },
    )


@login_required
def teaching(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "courses/teaching.html",
        {"courses": selectors.courses_taught_by(request.user)},
    )


def _taught_course(request: HttpRequest, course_id: int) -> CoursePage:
    """A course the user teaches or owns; anyone else gets a 404."""
    return get_object_or_404(selectors.courses_taught_by(request.user), pk=course_id)


@login_required
def course_dashboard(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _taught_course(request, course_id)
    return render(
        request,
        "courses/dashboard.html",
        {"dashboard": selectors.course_dashboard(course=course)},
    )


def _csv_rows(dashboard: selectors.CourseDashboard, table: str) -> list[list]:
    if table == "enrolments":
        return [["date", "new_enrolments", "total_enrolments"]] + [
            [day.day.isoformat(), day.new, day.total]
            for day in dashboard.enrolments_by_day
        ]
    if table == "lessons":
        return [["position", "lesson", "required", "completed", "percent"]] + [
            [n, row.lesson.title, row.lesson.is_required, row.completed, row.percent]
            for n, row in enumerate(dashboard.lessons, start=1)
        ]
    return [
        ["lesson", "quiz", "attempts", "learners", "learners_passed", "average_score"]
    ] + [
        [
            q.lesson.title,
            q.title,
            q.attempts,
            q.learners,
            q.learners_passed,
            q.average_score,
        ]
        for q in dashboard.quizzes
    ]


@login_required
def course_export(request: HttpRequest, course_id: int, table: str) -> HttpResponse:
    if table not in {"enrolments", "lessons", "quizzes"}:
        raise Http404(_("There is no such table to export."))
    course = _taught_course(request, course_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"{course.slug}-{table}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8 Vietnamese
    csv.writer(response).writerows(
        _csv_rows(selectors.course_dashboard(course=course), table)
    )
    return response


def _certificate_or_unknown(request: HttpRequest, code: str):
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        response = render(
            request, "courses/certificate_unknown.html", {"code": code}, status=404
        )
        return None, response
    return certificate, None


def _unlisted(response: HttpResponse, certificate) -> HttpResponse:
    """Search engines stay away unless the learner chose to publish it."""
    if not certificate.is_public:
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_GET
def certificate_verify(request: HttpRequest, code: str) -> HttpResponse:
    certificate, unknown = _certificate_or_unknown(request, code)
    if unknown:
        return unknown
    context = {
        "certificate": certificate,
        "is_learner": certificate.learner_id == request.user.pk,
        "name_choices": NameDisplay.choices,
    }
    response = render(request, "courses/certificate_verify.html", context)
    return _unlisted(response, certificate)


@require_http_methods(["GET", "POST"])
def credential_check(request: HttpRequest) -> HttpResponse:
    """Anyone pastes or uploads a credential (ours or another issuer's) and
    reads what holds: the same checks as ``manage.py credentials_verify``."""
    report, pasted = None, ""
    if request.method == "POST":
        upload = request.FILES.get("file")
        pasted = request.POST.get("credential", "")
        if upload is not None:
            text = upload.read(MAX_CREDENTIAL_BYTES + 1)
        else:
            text = pasted.encode()
        if text.strip():
            report = check_credential(text)
        else:
            messages.error(request, _("Paste a credential or choose its file."))
    # Shown back only when it could not be read, to be mended.
    keep = report is not None and report.problem and not request.FILES
    context = {
        "report": report,
        "pasted": pasted[:MAX_CREDENTIAL_BYTES] if keep else "",
    }
    response = render(request, "courses/credential_check.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_POST
@login_required
def certificate_privacy(request: HttpRequest, code: str) -> HttpResponse:
    certificate = selectors.certificate_by_code(code)
    if certificate is None or certificate.learner_id != request.user.pk:
        raise Http404
    try:
        services.certificate_choose_privacy(
            certificate=certificate,
            learner=request.user,
            name_display=request.POST.get("name_display", ""),
            is_public=request.POST.get("is_public") == "on",
        )
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("Your choices for this certificate are saved."))
    return redirect(certificate)


def _revoked_response(request: HttpRequest, certificate) -> HttpResponse:
    return render(
        request,
        "courses/certificate_verify.html",
        {"certificate": certificate},
        status=410,
    )


@require_GET
def certificate_download(request: HttpRequest, code: str) -> HttpResponse:
    certificate, unknown = _certificate_or_unknown(request, code)
    if unknown:
        return unknown
    if certificate.is_revoked:
        return _revoked_response(request, certificate)
    response = HttpResponse(
        certificate_pdf(certificate), content_type="application/pdf"
    )
    response["Content-Disposition"] = 'attachment; filename="certificate.pdf"'
    return _unlisted(response, certificate)


@require_GET
def certificate_json(request: HttpRequest, code: str) -> HttpResponse:
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        return JsonResponse(
            {"error": _("No certificate has this verification code.")}, status=404
        )
    if certificate.is_revoked:
        return JsonResponse(
            {
                "error": _("This certificate has been revoked."),
                "revoked_at": certificate.revoked_at.isoformat(),
                "reason": certificate.revocation_reason,
            },
            status=410,
        )
    try:
        credential = certificate_credential(certificate)
    except credentials.CredentialKeyError:
        return JsonResponse({"error": _(SIGNING_UNAVAILABLE)}, status=503)
    response = JsonResponse(
        credential, json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Type"] = "application/ld+json; charset=utf-8"
    return _unlisted(response, certificate)


@require_GET
def certificate_revocations(request: HttpRequest) -> HttpResponse:
    """The signed Bitstring Status List that says which certificates are
    revoked; cached briefly, so a revocation is public within minutes."""
    try:
        document = revocation_list_credential()
    except credentials.CredentialKeyError:
        return JsonResponse({"error": _(SIGNING_UNAVAILABLE)}, status=503)
    response = JsonResponse(document, json_dumps_params={"indent": 2})
    response["Content-Type"] = "application/ld+json"
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=PUBLIC_CACHE_SECONDS)
    return response


@require_GET
def issuer_did_document(request: HttpRequest) -> HttpResponse:
    """``/.well-known/did.json``: the keys that verify the site's credentials.

    Cached briefly by browsers and proxies: a rotation is seen within minutes,
    and retired keys stay listed, so a stale copy never fails a credential
    issued before it.
    """
    try:
        document = credentials.issuer_did_document()
    except credentials.CredentialKeyError:
        return JsonResponse({"error": _(SIGNING_UNAVAILABLE)}, status=503)
    response = JsonResponse(document, json_dumps_params={"indent": 2})
    response["Content-Type"] = "application/did+json"
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=PUBLIC_CACHE_SECONDS)
    return response
