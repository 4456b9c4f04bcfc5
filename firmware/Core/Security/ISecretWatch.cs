namespace PosFirmware.Security
{
    /// <summary>
    /// Sees every buffer that will hold secrets (key schedules, clear keys, PIN digits, card data in a
    /// reader) when it is made, so a test can hold it and check that it was zeroed (invariant I7): a
    /// wipe that no test can see is a wipe a refactoring deletes unnoticed.
    /// </summary>
    public interface ISecretWatch
    {
        /// <summary>A buffer for secrets was made: a byte[] or, for key schedules, a uint[].</summary>
        void Held(System.Array buffer);
    }
}
