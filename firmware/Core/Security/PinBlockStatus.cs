namespace PosFirmware.Security
{
    /// <summary>Why a PIN block could not be built (or Ok).</summary>
    public enum PinBlockStatus
    {
        Ok = 0,
        /// <summary>The PIN is not 4 to 12 digits.</summary>
        BadPinLength = 1,
        /// <summary>A PIN digit is not 0-9.</summary>
        BadPinDigit = 2,
        /// <summary>The PAN is missing, not 13-19 digits, or not all digits.</summary>
        BadPan = 3,
    }
}
