namespace PathSafety.Benchmarks;

/// <summary>Ordinary application code: what most of a real code base is, and what the analyzers must skip cheaply.</summary>
internal static class OrdinaryTemplates
{
    public static string Next(Random random, int k) => random.Next(5) switch
    {
        0 => Model(k, random.Next(100, 5000)),
        1 => Service(k, random.Next(2, 10), random.Next(20, 200)),
        2 => Parser(k),
        3 => Repository(k, random.Next(10, 100)),
        _ => ReportWriter(k),
    };

    private static string Model(int k, int threshold) => $$"""
        public sealed record Order{{k}}(int Id, string Customer, decimal Amount, DateTime CreatedUtc)
        {
            public bool IsLarge => Amount > {{threshold}}m;

            public string Describe() => $"{Id}: {Customer} {Amount:0.00} ({CreatedUtc:yyyy-MM-dd})";
        }

        public static class Order{{k}}Validator
        {
            public static IReadOnlyList<string> Validate(Order{{k}} order)
            {
                var errors = new List<string>();
                if (order.Id <= 0) errors.Add("Id must be positive.");
                if (string.IsNullOrWhiteSpace(order.Customer)) errors.Add("Customer is required.");
                if (order.Amount < 0) errors.Add("Amount cannot be negative.");
                if (order.CreatedUtc > DateTime.UtcNow.AddMinutes(5)) errors.Add("Created in the future.");
                return errors;
            }

            public static decimal Total(IEnumerable<Order{{k}}> orders, Func<Order{{k}}, bool> filter)
            {
                decimal total = 0;
                foreach (var order in orders)
                {
                    if (filter(order))
                    {
                        total += order.Amount;
                    }
                }

                return total;
            }

            public static Dictionary<string, decimal> ByCustomer(IEnumerable<Order{{k}}> orders)
                => orders.GroupBy(o => o.Customer, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => g.Sum(o => o.Amount), StringComparer.OrdinalIgnoreCase);
        }
        """;

    private static string Service(int k, int low, int high) => $$"""
        public sealed class Inventory{{k}}Service
        {
            private readonly Dictionary<string, int> _stock = new(StringComparer.Ordinal);
            private readonly object _gate = new();

            public void Add(string sku, int quantity)
            {
                if (quantity <= 0) throw new ArgumentOutOfRangeException(nameof(quantity));
                lock (_gate)
                {
                    _stock[sku] = _stock.TryGetValue(sku, out var current) ? current + quantity : quantity;
                }
            }

            public bool TryTake(string sku, int quantity)
            {
                lock (_gate)
                {
                    if (!_stock.TryGetValue(sku, out var current) || current < quantity) return false;
                    _stock[sku] = current - quantity;
                    return true;
                }
            }

            public string Level(string sku) => _stock.TryGetValue(sku, out var n) ? n switch
            {
                0 => "out",
                < {{low}} => "low",
                < {{high}} => "normal",
                _ => "high",
            } : "unknown";

            public async Task<IReadOnlyList<(string Sku, int Quantity)>> SnapshotAsync(CancellationToken cancellationToken)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                lock (_gate)
                {
                    return _stock.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToList();
                }
            }

            public IEnumerable<IGrouping<string, string>> ByLevel() => _stock.Keys.GroupBy(Level);
        }
        """;

    private static string Parser(int k) => $$"""
        public static class Csv{{k}}Parser
        {
            public static List<string[]> Parse(string text, char separator = ',')
            {
                var rows = new List<string[]>();
                var field = new StringBuilder();
                var fields = new List<string>();
                var quoted = false;
                for (var i = 0; i < text.Length; i++)
                {
                    var c = text[i];
                    if (quoted)
                    {
                        if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                        else if (c == '"') quoted = false;
                        else field.Append(c);
                        continue;
                    }

                    switch (c)
                    {
                        case '"': quoted = true; break;
                        case '\n':
                            fields.Add(field.ToString());
                            field.Clear();
                            rows.Add(fields.ToArray());
                            fields.Clear();
                            break;
                        case '\r': break;
                        default:
                            if (c == separator) { fields.Add(field.ToString()); field.Clear(); }
                            else field.Append(c);
                            break;
                    }
                }

                if (field.Length > 0 || fields.Count > 0)
                {
                    fields.Add(field.ToString());
                    rows.Add(fields.ToArray());
                }

                return rows;
            }

            public static int SumColumn(IEnumerable<string[]> rows, int column)
                => rows.Where(r => r.Length > column)
                    .Sum(r => int.TryParse(r[column], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0);
        }
        """;

    private static string Repository(int k, int pageSize) => $$"""
        public interface IEntity{{k}}
        {
            int Id { get; }
        }

        public sealed class Repository{{k}}<T>
            where T : class, IEntity{{k}}
        {
            private readonly List<T> _items = new();

            public int Count => _items.Count;

            public void Upsert(T item)
            {
                var index = _items.FindIndex(x => x.Id == item.Id);
                if (index >= 0)
                {
                    _items[index] = item;
                }
                else
                {
                    _items.Add(item);
                }
            }

            public T? Find(int id) => _items.FirstOrDefault(x => x.Id == id);

            public IEnumerable<T> Page(int page, int size = {{pageSize}}) => _items.OrderBy(x => x.Id).Skip(page * size).Take(size);

            public bool Remove(int id) => _items.RemoveAll(x => x.Id == id) > 0;

            public bool TryGet(int id, out T? item)
            {
                item = Find(id);
                return item is not null;
            }
        }
        """;

    private static string ReportWriter(int k) => $$"""
        public sealed class Report{{k}}Writer
        {
            private readonly string _outputDirectory;

            public Report{{k}}Writer(string outputDirectory) => _outputDirectory = outputDirectory;

            public string Write(string name, IEnumerable<KeyValuePair<string, double>> values)
            {
                var builder = new StringBuilder();
                builder.AppendLine("name,value");
                foreach (var (key, value) in values)
                {
                    builder.Append(key).Append(',').AppendLine(value.ToString("0.###", CultureInfo.InvariantCulture));
                }

                Directory.CreateDirectory(_outputDirectory);
                var path = Path.Combine(_outputDirectory, name + ".csv");
                File.WriteAllText(path, builder.ToString());
                return path;
            }

            public static string? ReadSetting(string key)
            {
                var file = Path.Combine(AppContext.BaseDirectory, "settings.ini");
                if (!File.Exists(file))
                {
                    return null;
                }

                foreach (var line in File.ReadLines(file))
                {
                    var parts = line.Split('=', 2);
                    if (parts.Length == 2 && parts[0].Trim() == key)
                    {
                        return parts[1].Trim();
                    }
                }

                return null;
            }
        }
        """;
}
