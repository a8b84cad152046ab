import pytest


@pytest.mark.django_db
def test_root_redirects_to_swedish(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/sv/"
