namespace PosFirmware.Drivers.Magstripe
{
    /// <summary>What parsing one swipe found. Everything but Ok is a swipe the terminal refuses.</summary>
    public enum MsrStatus
    {
        Ok = 0,
        /// <summary>No track in the line (a stray CR, noise).</summary>
        Empty = 1,
        /// <summary>A track started but did not end (a swipe too fast or cut off).</summary>
        Partial = 2,
        /// <summary>A character outside the track's character set.</summary>
        BadCharacter = 3,
        /// <summary>The LRC after the end sentinel does not match.</summary>
        BadLrc = 4,
        /// <summary>The module marked the track unreadable (E).</summary>
        TrackError = 5,
        /// <summary>The track reads backwards: the card went through the other way.</summary>
        Reversed = 6,
        /// <summary>Track 2 (or track 1 alone) has no PAN of 12-19 digits with a good Luhn digit.</summary>
        BadPan = 7,
        /// <summary>Expiry not YYMM with a month 01-12.</summary>
        BadExpiry = 8,
        /// <summary>Service code not three digits ISO/IEC 7813 allows.</summary>
        BadServiceCode = 9,
        /// <summary>Track 1 and track 2 carry different PANs.</summary>
        TracksDisagree = 10,
        /// <summary>More bytes than any swipe has, without a line end.</summary>
        TooLong = 11,
        /// <summary>Only track 1 came: payments need track 2.</summary>
        NoTrack2 = 12,
    }
}
