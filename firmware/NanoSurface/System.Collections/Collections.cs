namespace System.Collections
{
    // nanoframework/System.Collections:nanoFramework.System.Collections/Collections/Hashtable.cs
    public class Hashtable : ICollection, ICloneable
    {
        public Hashtable() { }
        public Hashtable(int capacity) { }
        public object this[object key] { get => throw null; set { } }
        public int Count => throw null;
        public bool IsSynchronized => throw null;
        public object SyncRoot => throw null;
        public ICollection Keys => throw null;
        public ICollection Values => throw null;
        public void Add(object key, object value) => throw null;
        public void Clear() => throw null;
        public object Clone() => throw null;
        public bool Contains(object key) => throw null;
        public bool ContainsKey(object key) => throw null;
        public void CopyTo(Array array, int arrayIndex) => throw null;
        public IEnumerator GetEnumerator() => throw null;
        public void Remove(object key) => throw null;
    }

    // nanoframework/System.Collections:nanoFramework.System.Collections/Collections/Queue.cs
    public class Queue : ICollection, ICloneable
    {
        public Queue() { }
        public virtual int Count => throw null;
        public virtual bool IsSynchronized => throw null;
        public virtual object SyncRoot => throw null;
        public virtual object Clone() => throw null;
        public virtual void Clear() => throw null;
        public virtual void CopyTo(Array array, int index) => throw null;
        public virtual void Enqueue(object obj) => throw null;
        public virtual IEnumerator GetEnumerator() => throw null;
        public virtual object Dequeue() => throw null;
        public virtual object Peek() => throw null;
        public virtual bool Contains(object obj) => throw null;
        public virtual object[] ToArray() => throw null;
    }
}
