"""Roles out of the box, in Swedish: editors, reviewers and promise owners, and the review workflow.

Wagtail's own "Editors" and "Moderators" become "Redaktörer" and "Granskare" (their members
keep their role), "Löftesansvariga" is new, and each group gets exactly the permissions below,
whatever it had before. Wagtail's "Moderators approval" workflow becomes "Granskning".
docs/editors.md describes the same table for people.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS, REVIEWERS, PROMISE_OWNERS = "Redaktörer", "Granskare", "Löftesansvariga"
RENAMED = {"Editors": EDITORS, "Moderators": REVIEWERS}
WORKFLOW, TASK = "Granskning", "Granskarnas godkännande"

# On the root page, so in every language's tree.
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    REVIEWERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    PROMISE_OWNERS: [],
}
# On the root collection: every image and document.
COLLECTION_PERMISSIONS = {
    EDITORS: [
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ],
    REVIEWERS: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtailimages.delete_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtaildocs.delete_document",
    ],
    PROMISE_OWNERS: [],
}
ADMIN = ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"]
MODEL_PERMISSIONS = {
    EDITORS: [
        *ADMIN,
        "news.add_topic",
        "news.change_topic",
        "news.view_topic",
        "contacts.add_contactperson",
        "contacts.change_contactperson",
        "contacts.view_contactperson",
        "contacts.view_organisation",
        "promises.view_promise",
    ],
    REVIEWERS: [
        *ADMIN,
        "news.add_topic",
        "news.change_topic",
        "news.delete_topic",
        "news.view_topic",
        "contacts.add_contactperson",
        "contacts.change_contactperson",
        "contacts.delete_contactperson",
        "contacts.view_contactperson",
        "contacts.add_organisation",
        "contacts.change_organisation",
        "contacts.view_organisation",
        "promises.view_promise",
    ],
    PROMISE_OWNERS: [
        *ADMIN,
        "promises.add_promise",
        "promises.change_promise",
        "promises.publish_promise",
        "promises.view_promise",
        "promises.add_promisefollowup",
        "promises.change_promisefollowup",
        "promises.delete_promisefollowup",
        "promises.view_promisefollowup",
    ],
}


def permission(apps, dotted: str):
    app_label, codename = dotted.split(".")
    Permission = apps.get_model("auth", "Permission")
    if codename.startswith("publish_") and app_label != "wagtailcore":
        # Wagtail adds a snippet's publish permission only after all migrations.
        ContentType = apps.get_model("contenttypes", "ContentType")
        model = codename.removeprefix("publish_")
        content_type = ContentType.objects.get(app_label=app_label, model=model)
        return Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can publish {model}"},
        )[0]
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_permissions_exist(apps) -> None:
    """On a fresh database, permissions are made only after all migrations: make them now."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def group(apps, name: str):
    Group = apps.get_model("auth", "Group")
    old = next((o for o, new in RENAMED.items() if new == name), None)
    if old and not Group.objects.filter(name=name).exists():
        Group.objects.filter(name=old).update(name=name)
    return Group.objects.get_or_create(name=name)[0]


def create_roles(apps, schema_editor) -> None:
    ensure_permissions_exist(apps)
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)

    groups = {}
    for name in (EDITORS, REVIEWERS, PROMISE_OWNERS):
        groups[name] = role = group(apps, name)
        role.permissions.set([permission(apps, p) for p in MODEL_PERMISSIONS[name]])
        GroupPagePermission.objects.filter(group=role).delete()
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.create(
                group=role, page=root_page, permission=permission(apps, f"wagtailcore.{codename}")
            )
        GroupCollectionPermission.objects.filter(group=role).delete()
        for dotted in COLLECTION_PERMISSIONS[name]:
            GroupCollectionPermission.objects.create(
                group=role, collection=root_collection, permission=permission(apps, dotted)
            )
    review_workflow(apps, root_page, groups[REVIEWERS])


def review_workflow(apps, root_page, reviewers) -> None:
    """One approval step by the reviewers before any page is published."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    workflow = (
        Workflow.objects.filter(name__in=[WORKFLOW, "Moderators approval"]).first()
        or Workflow.objects.create(name=WORKFLOW, active=True)
    )
    workflow.name = WORKFLOW
    workflow.active = True
    workflow.save()
    task = GroupApprovalTask.objects.filter(
        workflow_tasks__workflow=workflow
    ).first() or GroupApprovalTask.objects.create(
        name=TASK,
        active=True,
        content_type=ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )[0],
    )
    task.name = TASK
    task.active = True
    task.save()
    task.groups.set([reviewers])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contacts", "0001_initial"),
        ("news", "0005_review_by"),
        ("promises", "0003_review_by"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
