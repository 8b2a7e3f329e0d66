"""QR codes drawn on the server: nothing is sent to a QR service, and the image comes as a
data: URL, which the content security policy allows for images. PNG rather than SVG: an image
that is a document of its own (SVG can carry script) is never put in a page."""

import base64
import io

import qrcode
from qrcode.image.pil import PilImage


def qr_data_url(text):
    """A data: URL of a PNG QR code for ``text``, on white so dark themes still scan."""
    image = qrcode.make(text, image_factory=PilImage, border=4, box_size=6)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
