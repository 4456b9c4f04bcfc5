using System.Runtime.CompilerServices;
using PosFirmware.Devices;
using PosFirmware.Messaging.Host;

namespace PosFirmware.Virtual.Parts.Contactless;

/// <summary>
/// A card presented to scripted ports (the engine rig, ScriptedPorts) that is tapped only when the
/// terminal reads it, with the amount and transaction type the terminal started its read with, as a
/// real card is: the cryptogram then covers the amount the request asks for, and the host's issuer,
/// which checks field 4 against the signed 9F02, refuses a terminal that charges another amount.
/// A card tapped beforehand (Field55Of with an amount of the test's choosing) is presented as it is.
/// </summary>
public static class TapAtRead
{
    private static readonly ConditionalWeakTable<CardData, VirtualContactlessCard> Deferred = new();
    private static readonly DateTime TapDate = new DateTime(2026, 11, 22);

    /// <summary>Marks card (contactless, no field 55 yet) to be tapped on virtualCard when it is read.</summary>
    public static CardData Mark(CardData card, VirtualContactlessCard virtualCard)
    {
        Deferred.AddOrUpdate(card, virtualCard);
        return card;
    }

    /// <summary>True when card waits for its tap.</summary>
    public static bool IsDeferred(CardData card) => card != null && Deferred.TryGetValue(card, out _);

    /// <summary>The field 55 of the tap of a marked card for amountMinor and type (null when not marked or the read fails).</summary>
    public static byte[]? Tap(CardData card, long amountMinor, TransactionType type) =>
        Tap(card, amountMinor, TransactionRules.EmvTransactionType(type));

    /// <summary>The same, for the terms a card port is started with: the amount and the EMV transaction type (9C).</summary>
    public static byte[]? Tap(CardData card, long amountMinor, byte emvTransactionType)
    {
        if (card == null || !Deferred.TryGetValue(card, out VirtualContactlessCard? virtualCard))
        {
            return null;
        }

        lock (virtualCard)
        {
            // The unpredictable number from the card's own counter: a simulation's seed replays the same bytes.
            return VirtualTap.Field55Of(virtualCard, amountMinor, emvTransactionType, TapDate, 0x7A900000u + (uint)virtualCard.Atc);
        }
    }
}
