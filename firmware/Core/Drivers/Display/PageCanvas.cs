namespace PosFirmware.Drivers.Display
{
    /// <summary>
    /// A picture in the SSD1306's own RAM layout (datasheet section 8.7, "Graphic Display Data RAM"):
    /// 8 pages of 8 pixel rows; byte [page * width + column] holds that column's 8 rows, top row in
    /// bit 0. Drawing here and sending pages as they are needs no conversion.
    /// </summary>
    public sealed class PageCanvas : IPixelCanvas
    {
        private readonly int _width;
        private readonly int _height;
        private readonly byte[] _bytes;

        public PageCanvas(int width, int height)
        {
            _width = width;
            _height = height;
            _bytes = new byte[width * (height / 8)];
        }

        public int Width
        {
            get { return _width; }
        }

        public int Height
        {
            get { return _height; }
        }

        public int Pages
        {
            get { return _height / 8; }
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

            int index = (y / 8) * _width + x;
            byte bit = (byte)(1 << (y % 8));
            if (on)
            {
                _bytes[index] |= bit;
            }
            else
            {
                _bytes[index] &= (byte)~bit;
            }
        }

        public bool Get(int x, int y)
        {
            if (x < 0 || y < 0 || x >= _width || y >= _height)
            {
                return false;
            }

            return (_bytes[(y / 8) * _width + x] & (1 << (y % 8))) != 0;
        }

        public void Clear()
        {
            System.Array.Clear(_bytes, 0, _bytes.Length);
        }
    }
}
