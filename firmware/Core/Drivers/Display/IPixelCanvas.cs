namespace PosFirmware.Drivers.Display
{
    /// <summary>
    /// A one-bit picture the text painter draws into: the display's RAM image (PageCanvas) or a
    /// printer raster band (RowCanvas). Pixels outside the canvas are ignored (clipping).
    /// </summary>
    public interface IPixelCanvas
    {
        int Width { get; }

        int Height { get; }

        void Set(int x, int y, bool on);
    }
}
