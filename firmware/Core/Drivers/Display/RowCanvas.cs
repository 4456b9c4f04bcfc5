namespace PosFirmware.Drivers.Display
{
    /// <summary>
    /// A picture in raster order, as ESC/POS `GS v 0` takes it: rows top to bottom, each
    /// Width/8 bytes, leftmost pixel in the high bit (1 = black dot).
    /// </summary>
    public sealed class RowCanvas : IPixelCanvas
    {
        private readonly int _width;
        private readonly int _height;
        private readonly byte[] _bytes;

        public RowCanvas(int width, int height)
        {
            _width = (width + 7) / 8 * 8;
            _height = height;
            _bytes = new byte[_width / 8 * height];
        }

        public int Width
        {
            get { return _width; }
        }

        public int Height
        {
            get { return _height; }
        }

        public int BytesPerRow
        {
            get { return _width / 8; }
        }

        public byte[] Bytes
        {
            get { return _bytes; }
        }

        public void Set(int x, int y, bool on)
        {
            if (x < 0 || y < 0 || x >= _width || y >= _height)
            {
                return;
            }

            int index = y * (_width / 8) + x / 8;
            byte bit = (byte)(0x80 >> (x % 8));
            if (on)
            {
                _bytes[index] |= bit;
            }
            else
            {
                _bytes[index] &= (byte)~bit;
            }
        }

        public void Clear()
        {
            System.Array.Clear(_bytes, 0, _bytes.Length);
        }
    }
}
