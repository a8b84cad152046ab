# ruff: noqa: S311  (random only places shapes in pictures)
"""Draws the demo site's pictures: flat illustrations, made here with Pillow (no photographs).

Run `python demo/images/draw.py` to make them again; README.md says under which licence.
"""

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

HERE = Path(__file__).resolve().parent
W, H = 1600, 900


def gradient(top: tuple, bottom: tuple) -> Image.Image:
    image = Image.new("RGB", (W, H))
    draw = ImageDraw.Draw(image)
    for y in range(H):
        t = y / (H - 1)
        draw.line(
            [(0, y), (W, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    return image


def glow(image: Image.Image, centre: tuple, radius: int, colour: tuple) -> None:
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    ImageDraw.Draw(layer).ellipse(
        [centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius],
        fill=(*colour, 110),
    )
    image.paste(
        layer.filter(ImageFilter.GaussianBlur(radius / 2)),
        (0, 0),
        layer.filter(ImageFilter.GaussianBlur(radius / 2)),
    )


def person(
    draw: ImageDraw.ImageDraw,
    x: int,
    ground: int,
    height: int,
    colour: tuple,
    vest: tuple | None = None,
) -> None:
    head = height // 7
    draw.ellipse(
        [x - head // 2, ground - height, x + head // 2, ground - height + head], fill=colour
    )
    body_top = ground - height + head + 4
    draw.rounded_rectangle(
        [x - head * 0.8, body_top, x + head * 0.8, ground - height * 0.38],
        radius=head // 2,
        fill=vest or colour,
    )
    draw.rectangle([x - head * 0.6, ground - height * 0.4, x - head * 0.1, ground], fill=colour)
    draw.rectangle([x + head * 0.1, ground - height * 0.4, x + head * 0.6, ground], fill=colour)


def lamp(image: Image.Image, x: int, ground: int, height: int) -> None:
    draw = ImageDraw.Draw(image)
    draw.rectangle([x - 5, ground - height, x + 5, ground], fill=(40, 44, 60))
    draw.rectangle([x - 18, ground - height - 22, x + 18, ground - height], fill=(40, 44, 60))
    glow(image, (x, ground - height - 8), 90, (255, 214, 120))
    ImageDraw.Draw(image).ellipse(
        [x - 12, ground - height - 18, x + 12, ground - height + 4], fill=(255, 236, 170)
    )


def street_at_dusk(rng: random.Random) -> Image.Image:
    image = gradient((32, 46, 99), (238, 150, 110))
    draw = ImageDraw.Draw(image)
    x = 0
    while x < W:
        width, height = rng.randint(160, 280), rng.randint(260, 520)
        shade = rng.choice([(52, 58, 92), (64, 66, 104), (44, 50, 84)])
        draw.rectangle([x, H - 180 - height, x + width, H - 180], fill=shade)
        for wx in range(x + 24, x + width - 30, 48):
            for wy in range(H - 150 - height, H - 220, 64):
                if rng.random() < 0.55:
                    draw.rectangle([wx, wy, wx + 24, wy + 32], fill=(255, 206, 120))
        x += width + rng.randint(0, 20)
    draw.rectangle([0, H - 180, W, H], fill=(58, 60, 78))
    draw.rectangle([0, H - 190, W, H - 180], fill=(90, 92, 110))
    for lx in (220, 760, 1300):
        lamp(image, lx, H - 185, 330)
    draw = ImageDraw.Draw(image)
    for i, px in enumerate((520, 600, 680, 1000, 1080)):
        person(
            draw,
            px,
            H - 60,
            230 + (i % 2) * 20,
            (24, 26, 38),
            vest=(250, 200, 40) if i in (1, 3) else None,
        )
    return image


def park_path(rng: random.Random) -> Image.Image:
    image = gradient((70, 110, 170), (200, 222, 235))
    draw = ImageDraw.Draw(image)
    draw.ellipse([-300, 480, 900, 1200], fill=(84, 140, 80))
    draw.ellipse([600, 450, 1900, 1250], fill=(70, 126, 72))
    draw.polygon([(700, H), (900, H), (820, 520), (790, 520)], fill=(214, 196, 160))
    for _ in range(14):
        tx, ty = rng.randint(0, W), rng.randint(420, 640)
        if 650 < tx < 950:
            continue
        draw.rectangle([tx - 10, ty, tx + 10, ty + 160], fill=(86, 64, 44))
        radius = rng.randint(70, 120)
        draw.ellipse(
            [tx - radius, ty - radius * 1.6, tx + radius, ty + 30],
            fill=rng.choice([(46, 104, 58), (58, 120, 64), (38, 92, 52)]),
        )
    for lx, base, height in ((660, 760, 260), (960, 760, 260), (740, 600, 150), (880, 600, 150)):
        lamp(image, lx, base, height)
    draw = ImageDraw.Draw(image)
    person(draw, 800, 820, 170, (40, 48, 70))
    person(draw, 860, 800, 150, (120, 50, 60))
    return image


def meeting(rng: random.Random) -> Image.Image:
    image = gradient((236, 232, 222), (214, 206, 192))
    draw = ImageDraw.Draw(image)
    draw.rectangle([120, 90, 700, 420], fill=(255, 255, 255), outline=(120, 120, 130), width=6)
    bars = (((0, 82, 155), 120), ((30, 107, 53), 170), ((160, 107, 0), 90), ((143, 29, 29), 140))
    for i, (colour, height) in enumerate(bars):
        draw.rectangle(
            [200 + i * 120, 380 - height * 1.2 - i * 30, 280 + i * 120, 380], fill=colour
        )
    draw.rectangle([1000, 80, 1480, 420], fill=(150, 190, 220))
    draw.line([(1240, 80), (1240, 420)], fill=(240, 240, 240), width=10)
    colours = [
        (36, 52, 90),
        (120, 60, 40),
        (40, 90, 70),
        (90, 60, 110),
        (30, 40, 50),
        (150, 80, 90),
    ]
    for i, px in enumerate((280, 520, 760, 1000, 1240, 1440)):
        person(draw, px, 700, 300 + rng.randint(-20, 20), colours[i])
    draw.rounded_rectangle([120, 600, 1500, 700], radius=20, fill=(150, 110, 70))
    draw.rectangle([180, 700, 220, H], fill=(120, 86, 54))
    draw.rectangle([1400, 700, 1440, H], fill=(120, 86, 54))
    for cx in (400, 800, 1200):
        draw.ellipse([cx - 50, 580, cx + 50, 620], fill=(255, 255, 255))
    return image


def station(rng: random.Random) -> Image.Image:
    image = gradient((120, 160, 210), (230, 236, 240))
    draw = ImageDraw.Draw(image)
    draw.rectangle([200, 250, 1400, 640], fill=(170, 74, 54))
    draw.polygon([(160, 260), (800, 110), (1440, 260)], fill=(70, 70, 80))
    draw.ellipse([720, 170, 880, 330], fill=(250, 250, 250), outline=(40, 40, 50), width=8)
    draw.line([(800, 250), (800, 195)], fill=(40, 40, 50), width=8)
    draw.line([(800, 250), (845, 250)], fill=(40, 40, 50), width=8)
    for wx in range(260, 1380, 140):
        if 700 < wx < 900:
            draw.rectangle([720, 420, 880, 640], fill=(60, 40, 34))
            continue
        draw.rounded_rectangle([wx, 380, wx + 80, 540], radius=30, fill=(250, 226, 160))
    draw.rectangle([0, 640, W, H], fill=(150, 150, 156))
    draw.rectangle([0, 700, W, 712], fill=(90, 90, 96))
    for lx in (120, 1480):
        lamp(image, lx, 700, 300)
    draw = ImageDraw.Draw(image)
    for i, px in enumerate((420, 480, 1100, 1180, 1250)):
        person(
            draw, px, 820, 200 + (i % 3) * 15, (30, 34, 50), vest=(250, 200, 40) if i == 3 else None
        )
    return image


PICTURES = {
    "kvallsvandring-centrum.jpg": street_at_dusk,
    "parkvag-med-lyktor.jpg": park_path,
    "mote-kommun-polis.jpg": meeting,
    "stationsomradet.jpg": station,
}

if __name__ == "__main__":
    for name, draw_picture in PICTURES.items():
        picture = draw_picture(random.Random(name))
        picture.save(HERE / name, "JPEG", quality=82, optimize=True, progressive=True)
        print(name, (HERE / name).stat().st_size)  # noqa: T201
